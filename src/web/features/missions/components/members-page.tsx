import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type TRole } from '../../../../shared/enums.ts';
import { ZAddMemberRequest } from '../../../../shared/schemas/mission.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { type TMissionMember, useAddMember, useMembers, useSignInLink } from '../api/missions.ts';

/**
 * Who works in the mission and with which role. Administrators invite colleagues: the account
 * is created without a password, and a one-time sign-in link is handed over (by e-mail, chat…).
 */
export function MembersPage({ missionId, canManage }: { missionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const members = useMembers(missionId);
  const link = useSignInLink(missionId);
  const [linkFor, setLinkFor] = useState<TMissionMember | null>(null);

  const issueLink = (member: TMissionMember) => {
    setLinkFor(member);
    link.mutate(member.userId);
  };

  return (
    <>
      <PageHeader title={t('members.title')} />
      <Text c="dimmed" mb="md" maw={760}>
        {t('members.intro')}
      </Text>
      {canManage && <InviteForm missionId={missionId} onInvited={issueLink} />}
      <Paper withBorder>
        {members.isPending || members.isError ? (
          <QueryState query={members} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t('members.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('members.name')}</Table.Th>
                  <Table.Th>{t('members.email')}</Table.Th>
                  <Table.Th>{t('members.role')}</Table.Th>
                  {canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td fw={600}>{member.name}</Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`enums.role.${member.role}`)}</Badge>
                      {member.status === 'invited' && (
                        <Badge color="yellow" ml="xs">
                          {t('members.invited')}
                        </Badge>
                      )}
                      {!member.isActive && (
                        <Badge color="gray" ml="xs">
                          {t('members.disabled')}
                        </Badge>
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="default"
                          disabled={!member.isActive || member.status === 'invited'}
                          onClick={() => issueLink(member)}
                          aria-label={t('members.linkFor', { name: member.name })}
                        >
                          {t('members.link')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Modal
        opened={!!linkFor}
        onClose={() => {
          setLinkFor(null);
          link.reset();
        }}
        title={t('members.linkTitle', { name: linkFor?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        {link.isPending ? (
          <Text>{t('app.loading')}</Text>
        ) : link.isError ? (
          <Alert color="red" role="alert">
            {link.error.message}
          </Alert>
        ) : link.data ? (
          <Stack>
            <Text size="sm">{t('members.linkHelp')}</Text>
            <TextInput
              readOnly
              label={t('members.linkLabel')}
              value={link.data.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Text size="xs" c="dimmed">
              {t('members.linkExpires', { date: format.dateTime(link.data.expiresAt) })}
            </Text>
            <Group justify="flex-end">
              <CopyButton value={link.data.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? t('members.copied') : t('members.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

function InviteForm({ missionId, onInvited }: { missionId: string; onInvited: (m: TMissionMember) => void }) {
  const { t } = useTranslation();
  const add = useAddMember(missionId);
  const [values, setValues] = useState<{ email: string; name: string; role: TRole }>({
    email: '',
    name: '',
    role: 'officer',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZAddMemberRequest.safeParse({ ...values, name: values.name.trim() || undefined });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), translateMessage(t, i.message)]),
        ),
      );
      return;
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: (member) => {
        setValues({ email: '', name: '', role: 'officer' });
        // An existing account is invited: it accepts on its own Account page, no link to hand over.
        if (member.status === 'active') onInvited(member);
      },
      onError: (error) => {
        if (isApiError(error, 400))
          setErrors(
            Object.fromEntries(error.fieldErrors.map((e) => [e.field, translateMessage(t, e.message)])),
          );
      },
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      mb="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('members.invite')}
    >
      <Title order={2} size="h4" mb="sm">
        {t('members.invite')}
      </Title>
      {add.error && !isApiError(add.error, 400) && (
        <Alert color="red" role="alert" mb="sm">
          {add.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('members.email')}
          type="email"
          required
          value={values.email}
          error={errors.email}
          onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
        />
        <TextInput
          label={t('members.name')}
          description={t('members.nameHelp')}
          value={values.name}
          error={errors.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
        />
        <Select
          label={t('members.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
          value={values.role}
          allowDeselect={false}
          error={errors.role}
          onChange={(value) => value && setValues({ ...values, role: value as TRole })}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={add.isPending}>
          {t('members.add')}
        </Button>
      </Group>
    </Paper>
  );
}
