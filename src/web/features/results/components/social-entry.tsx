import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOCIAL_PLATFORMS } from '../../../../shared/enums.ts';
import { ZCreateSocialAccountRequest, ZSocialSnapshotRequest } from '../../../../shared/schemas/results.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { translateMessage } from '../../../lib/validation.ts';
import {
  type TSocialAccount,
  useCreateSocialAccount,
  useImportSocialCsv,
  useSaveSnapshot,
} from '../api/results.ts';

type TErrors = Record<string, string>;

const firstErrors = (
  t: TFunction,
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
) => {
  const found: TErrors = {};
  for (const issue of issues) {
    const field = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    found[field || 'form'] ??= translateMessage(t, issue.message);
  }
  return found;
};

/** "Add an account": a platform and a handle. */
export function AddAccountButton({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const create = useCreateSocialAccount();
  const [isOpen, setIsOpen] = useState(false);
  const [platform, setPlatform] = useState<string | null>('instagram');
  const [handle, setHandle] = useState('');
  const [errors, setErrors] = useState<TErrors>({});

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateSocialAccountRequest.safeParse({
      missionId,
      platform,
      handle: handle.replace(/^@/, ''),
    });
    if (!parsed.success) return setErrors(firstErrors(t, parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        setIsOpen(false);
        setHandle('');
      },
      onError: (error) => {
        if (isApiError(error, 400))
          setErrors(
            firstErrors(
              t,
              error.fieldErrors.map((e) => ({ path: e.field, message: e.message })),
            ),
          );
      },
    });
  };

  return (
    <>
      <Button variant="default" onClick={() => setIsOpen(true)}>
        {t('indicators.socialEntry.addAccount')}
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={t('indicators.socialEntry.addAccount')}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            {create.error && !isApiError(create.error, 400) && (
              <Alert color="red" role="alert">
                {create.error.message}
              </Alert>
            )}
            <Select
              label={t('indicators.socialEntry.platform')}
              withAsterisk
              allowDeselect={false}
              data={SOCIAL_PLATFORMS.map((p) => ({
                value: p,
                label: t(`indicators.socialEntry.platforms.${p}`),
              }))}
              value={platform}
              onChange={setPlatform}
              error={errors.platform}
            />
            <TextInput
              label={t('indicators.socialEntry.handle')}
              withAsterisk
              leftSection="@"
              value={handle}
              onChange={(event) => setHandle(event.currentTarget.value)}
              error={errors.handle}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('indicators.socialEntry.addAccount')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

const SNAPSHOT_FIELDS = ['followers', 'accountsReached', 'accountsEngaged', 'impressions', 'posts'] as const;

/** "Add a monthly snapshot": one month of an account's figures. */
function SnapshotButton({ account }: { account: TSocialAccount }) {
  const { t } = useTranslation();
  const save = useSaveSnapshot(account.id);
  const [isOpen, setIsOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({ month: '' });
  const [errors, setErrors] = useState<TErrors>({});

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = { month: values.month ?? '' };
    const found: TErrors = {};
    for (const field of SNAPSHOT_FIELDS) {
      const typed = (values[field] ?? '').trim().replace(/[\s,.'’]/g, '');
      body[field] = typed === '' ? null : Number(typed);
      if (typed !== '' && Number.isNaN(body[field])) found[field] = t('validation.number');
    }
    const parsed = ZSocialSnapshotRequest.safeParse(body);
    if (!parsed.success) Object.assign(found, { ...firstErrors(t, parsed.error.issues), ...found });
    if (!parsed.success || Object.keys(found).length) return setErrors(found);
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => {
        setIsOpen(false);
        setValues({ month: '' });
      },
      onError: (error) => {
        if (isApiError(error, 400))
          setErrors(
            firstErrors(
              t,
              error.fieldErrors.map((e) => ({ path: e.field, message: e.message })),
            ),
          );
      },
    });
  };
  const title = `${t('indicators.socialEntry.addSnapshot')} — @${account.handle}`;

  return (
    <>
      <Button size="xs" variant="default" onClick={() => setIsOpen(true)}>
        {t('indicators.socialEntry.addSnapshot')}
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={title}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            {save.error && !isApiError(save.error, 400) && (
              <Alert color="red" role="alert">
                {save.error.message}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('indicators.socialEntry.snapshotHint')}
            </Text>
            <TextInput
              type="month"
              label={t('indicators.month')}
              withAsterisk
              value={values.month}
              onChange={(event) => {
                const typed = event.currentTarget.value;
                setValues((v) => ({ ...v, month: typed }));
              }}
              error={errors.month}
            />
            <SimpleGrid cols={2}>
              {SNAPSHOT_FIELDS.map((field) => (
                <TextInput
                  key={field}
                  inputMode="numeric"
                  label={t(`indicators.socialEntry.fields.${field}`)}
                  value={values[field] ?? ''}
                  onChange={(event) => {
                    const typed = event.currentTarget.value;
                    setValues((v) => ({ ...v, [field]: typed }));
                  }}
                  error={errors[field]}
                />
              ))}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('indicators.socialEntry.saveSnapshot')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** "Import CSV": a platform's export read in the browser and sent whole; all rows or none. */
function ImportButton({ account }: { account: TSocialAccount }) {
  const { t } = useTranslation();
  const importCsv = useImportSocialCsv(account.id);
  const [isOpen, setIsOpen] = useState(false);
  const [kind, setKind] = useState<'snapshots' | 'posts'>('snapshots');
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const close = () => {
    setIsOpen(false);
    setFile(null);
    setImported(null);
    importCsv.reset();
  };
  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setImported(null);
    const csv = await file.text();
    importCsv.mutate({ kind, csv }, { onSuccess: (result) => setImported(result.imported) });
  };
  const error = importCsv.error;
  const title = `${t('indicators.socialEntry.import')} — @${account.handle}`;

  return (
    <>
      <Button size="xs" variant="default" onClick={() => setIsOpen(true)}>
        {t('indicators.socialEntry.import')}
      </Button>
      <Modal opened={isOpen} onClose={close} title={title} size="lg">
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'snapshots' | 'posts')}
              data={[
                { value: 'snapshots', label: t('indicators.socialEntry.kindSnapshots') },
                { value: 'posts', label: t('indicators.socialEntry.kindPosts') },
              ]}
            />
            <Text size="sm" c="dimmed">
              {t(`indicators.socialEntry.columns.${kind}`)}
            </Text>
            <FileInput
              label={t('indicators.socialEntry.file')}
              accept=".csv,text/csv"
              withAsterisk
              clearable
              value={file}
              onChange={(f) => {
                setFile(f);
                importCsv.reset();
                setImported(null);
              }}
            />
            {imported !== null && (
              <Alert color="green" role="status">
                {t('indicators.socialEntry.imported', { count: imported })}
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert" title={t('indicators.socialEntry.importFailed')}>
                {isApiError(error, 400) && error.fieldErrors.length ? (
                  <List size="sm">
                    {error.fieldErrors.map((e) => (
                      <List.Item key={`${e.field}-${e.message}`}>
                        {e.field}: {translateMessage(t, e.message)}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  error.message
                )}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('indicators.socialEntry.close')}
              </Button>
              <Button type="submit" disabled={!file} loading={importCsv.isPending}>
                {t('indicators.socialEntry.importButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Per account: the two ways to enter its figures. */
export function AccountEntry({ account }: { account: TSocialAccount }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" aria-label={`@${account.handle}`} role="group">
      <Text size="sm" fw={600}>
        {t(`indicators.socialEntry.platforms.${account.platform}`)} @{account.handle}
      </Text>
      <SnapshotButton account={account} />
      <ImportButton account={account} />
    </Group>
  );
}
