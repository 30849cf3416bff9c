import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_PERSON_KINDS } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import {
  type TMediaContact,
  type TMediaList,
  useCreateMediaContact,
  useCreateMediaList,
  useImportMediaContacts,
  useMediaContacts,
  useMediaLists,
  useUpdateMediaList,
} from '../api/communication.ts';
import { MediaContactDialog } from './media-contact-dialog.tsx';

const compact = (n: number, locale: string) =>
  new Intl.NumberFormat(locale, { notation: 'compact' }).format(n);

function ImportDialog({
  missionId,
  opened,
  onClose,
}: {
  missionId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importFile = useImportMediaContacts(missionId);
  const outcome = importFile.data;
  const handleClose = () => {
    setFile(null);
    importFile.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={handleClose} title={t('communication.contacts.import')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) importFile.mutate(file);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('communication.contacts.importHint')}</Text>
          <FileInput
            label={t('communication.contacts.file')}
            accept=".csv,.xlsx"
            value={file}
            onChange={setFile}
            clearable
          />
          {outcome?.result && (
            <Alert color="green" role="status">
              {t('communication.contacts.imported', {
                created: outcome.result.created,
                merged: outcome.result.merged,
              })}
            </Alert>
          )}
          {outcome && outcome.errors.length > 0 && (
            <Alert color="red" role="alert" title={t('communication.contacts.importFailed')}>
              <Table>
                <Table.Tbody>
                  {outcome.errors.map((e) => (
                    <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
                      <Table.Td>{e.row ?? '—'}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          )}
          {importFile.error && (
            <Alert color="red" role="alert">
              {importFile.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={handleClose}>
              {t('communication.contacts.close')}
            </Button>
            <Button type="submit" disabled={!file} loading={importFile.isPending}>
              {t('communication.contacts.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function NewContactForm({ missionId, outlets }: { missionId: string; outlets: TMediaContact[] }) {
  const { t } = useTranslation();
  const create = useCreateMediaContact();
  const [kind, setKind] = useState<string>('journalist');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [outletId, setOutletId] = useState<string | null>(null);
  const [channel, setChannel] = useState('');
  const [audience, setAudience] = useState<number | string>('');
  const [topics, setTopics] = useState('');
  const isOutlet = kind === 'outlet';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const [channelKind, ...handle] = channel.split(':');
        create.mutate(
          {
            missionId,
            kind: isOutlet ? 'outlet' : 'person',
            name,
            ...(isOutlet
              ? {}
              : { personKind: kind as (typeof MEDIA_PERSON_KINDS)[number], email: email || null, outletId }),
            channels: channel
              ? [
                  {
                    kind: channelKind!.trim() as TMediaContact['channels'][number]['kind'],
                    handle: handle.join(':').trim(),
                  },
                ]
              : [],
            audienceSize: typeof audience === 'number' ? audience : null,
            topics: topics
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
          {
            onSuccess: () => {
              setName('');
              setEmail('');
              setChannel('');
              setAudience('');
              setTopics('');
            },
          },
        );
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <Select
          label={t('communication.contacts.kind')}
          data={([...MEDIA_PERSON_KINDS, 'outlet'] as const).map((k) => ({
            value: k,
            label: t(`communication.contacts.kinds.${k}`),
          }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('communication.contacts.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        {!isOutlet && (
          <TextInput
            label={t('communication.contacts.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
        )}
        {!isOutlet && (
          <Select
            label={t('communication.contacts.outlet')}
            data={outlets.map((o) => ({ value: o.organisationId!, label: o.name }))}
            value={outletId}
            onChange={setOutletId}
            clearable
          />
        )}
        <TextInput
          label={t('communication.contacts.channel')}
          placeholder="instagram:@name"
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
        />
        <NumberInput
          label={t('communication.contacts.audience')}
          value={audience}
          onChange={setAudience}
          min={0}
        />
        <TextInput
          label={t('communication.contacts.topics')}
          placeholder={t('communication.contacts.topicsHint')}
          value={topics}
          onChange={(e) => setTopics(e.currentTarget.value)}
        />
      </SimpleGrid>
      {create.error && (
        <Alert color="red" role="alert" mt="sm">
          {create.error.message}
          {create.error instanceof ApiError &&
            create.error.fieldErrors.map((e) => (
              <Text size="sm" key={e.field}>
                {e.field}: {e.message}
              </Text>
            ))}
        </Alert>
      )}
      <Button type="submit" mt="sm" variant="light" loading={create.isPending}>
        {t('communication.contacts.add')}
      </Button>
    </form>
  );
}

/** `/media-contacts`: journalists, bloggers, influencers and outlets, their lists, the import. */
export function MediaContactsPage({ missionId, canEdit }: { missionId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [listId, setListId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [newList, setNewList] = useState('');
  const [importOpened, importDialog] = useDisclosure(false);
  const [editing, setEditing] = useState<TMediaContact | null>(null);
  const lists = useMediaLists(missionId);
  const contacts = useMediaContacts(missionId, listId, q);
  const all = useMediaContacts(missionId, null, '');
  const createList = useCreateMediaList();
  const updateList = useUpdateMediaList();
  const items = contacts.data?.items ?? [];
  const outlets = (all.data?.items ?? []).filter((c) => c.kind === 'outlet');
  const currentList: TMediaList | undefined = lists.data?.find((l) => l.id === listId);
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <>
      <PageHeader
        title={t('communication.contacts.title')}
        actions={
          canEdit && (
            <Button variant="light" onClick={importDialog.open}>
              {t('communication.contacts.import')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Group align="flex-end">
          <Select
            label={t('communication.contacts.list')}
            placeholder={t('communication.contacts.allContacts')}
            data={(lists.data ?? []).map((l) => ({
              value: l.id,
              label: `${l.name} (${l.contactIds.length})`,
            }))}
            value={listId}
            onChange={setListId}
            clearable
            w={320}
          />
          <TextInput
            label={t('communication.contacts.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
          />
        </Group>
        {currentList?.description && <Text c="dimmed">{currentList.description}</Text>}
        <Table striped aria-label={t('communication.contacts.title')}>
          <Table.Thead>
            <Table.Tr>
              {canEdit && <Table.Th aria-label={t('communication.contacts.select')} />}
              <Table.Th>{t('communication.contacts.name')}</Table.Th>
              <Table.Th>{t('communication.contacts.kind')}</Table.Th>
              <Table.Th>{t('communication.contacts.outlet')}</Table.Th>
              <Table.Th>{t('communication.contacts.channels')}</Table.Th>
              <Table.Th>{t('communication.contacts.audience')}</Table.Th>
              <Table.Th>{t('communication.contacts.languages')}</Table.Th>
              <Table.Th>{t('communication.contacts.topics')}</Table.Th>
              {canEdit && <Table.Th aria-label={t('communication.contacts.edit')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed">{t('communication.contacts.none')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((c) => (
              <Table.Tr key={c.id}>
                {canEdit && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('communication.contacts.selectOne', { name: c.name })}
                      checked={selected.includes(c.id)}
                      onChange={() => toggle(c.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  {c.email && (
                    <Anchor href={`mailto:${c.email}`} size="xs">
                      {c.email}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">
                    {t(
                      `communication.contacts.kinds.${c.kind === 'outlet' ? 'outlet' : (c.personKind as 'journalist')}`,
                      {
                        defaultValue: c.personKind ?? '',
                      },
                    )}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.outlet?.name ?? ''}</Table.Td>
                <Table.Td>
                  {c.channels.map((ch) => (
                    <Text size="xs" key={`${ch.kind}-${ch.handle ?? ch.url}`}>
                      {t(`communication.channels.${ch.kind}`, { defaultValue: ch.kind })}:{' '}
                      {ch.handle ?? ch.url}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{c.audienceSize === null ? '' : compact(c.audienceSize, i18n.language)}</Table.Td>
                <Table.Td>{c.languages.join(', ')}</Table.Td>
                <Table.Td>{c.topics.join(', ')}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('communication.contacts.editOne', { name: c.name })}
                      onClick={() => setEditing(c)}
                    >
                      {t('communication.contacts.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('communication.contacts.lists')}
            </Text>
            <Text size="sm" c="dimmed" mb="xs">
              {t('communication.contacts.selected', { count: selected.length })}
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('communication.contacts.newList')}
                value={newList}
                onChange={(e) => setNewList(e.currentTarget.value)}
              />
              <Button
                variant="light"
                disabled={!newList.trim()}
                loading={createList.isPending}
                onClick={() =>
                  createList.mutate(
                    { missionId, name: newList.trim(), contactIds: selected },
                    { onSuccess: () => setNewList('') },
                  )
                }
              >
                {t('communication.contacts.createList')}
              </Button>
              {currentList && (
                <Button
                  variant="default"
                  disabled={selected.length === 0}
                  loading={updateList.isPending}
                  onClick={() =>
                    updateList.mutate(
                      {
                        id: currentList.id,
                        version: currentList.version,
                        contactIds: [...new Set([...currentList.contactIds, ...selected])],
                      },
                      { onSuccess: () => setSelected([]) },
                    )
                  }
                >
                  {t('communication.contacts.addToList', { name: currentList.name })}
                </Button>
              )}
            </Group>
            {(createList.error ?? updateList.error) && (
              <Text c="red" size="sm" role="alert" mt="xs">
                {(createList.error ?? updateList.error)?.message}
              </Text>
            )}
          </Card>
        )}
        {canEdit && (
          <Card withBorder>
            <Text fw={600} mb="xs">
              {t('communication.contacts.addTitle')}
            </Text>
            <NewContactForm missionId={missionId} outlets={outlets} />
          </Card>
        )}
      </Stack>
      {editing && <MediaContactDialog contact={editing} outlets={outlets} onClose={() => setEditing(null)} />}
      <ImportDialog missionId={missionId} opened={importOpened} onClose={importDialog.close} />
    </>
  );
}
