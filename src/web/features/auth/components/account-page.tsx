import { Alert, Button, Group, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZChangePasswordRequest } from '../../../../shared/schemas/auth.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { type TMe, useAnswerInvitation, useChangePassword, useSecurityEvents } from '../api/auth.ts';

/** The signed-in person's account: set a first password (after a sign-in link) or change it. */
export function AccountPage({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZChangePasswordRequest.safeParse({
      currentPassword: current || undefined,
      newPassword: next,
    });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), translateMessage(t, i.message)]),
        ),
      );
      return;
    }
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
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
    <>
      <PageHeader title={t('account.title')} />
      <Paper
        withBorder
        p="md"
        maw={520}
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={t('account.password')}
      >
        <Stack>
          <Text>
            {me.name} · {me.email}
          </Text>
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('account.saved')}
            </Alert>
          )}
          {change.error && !isApiError(change.error, 400) && (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          )}
          <PasswordInput
            label={t('account.current')}
            description={t('account.currentHelp')}
            autoComplete="current-password"
            value={current}
            error={errors.currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.new')}
            description={t('account.newHelp')}
            autoComplete="new-password"
            required
            value={next}
            error={errors.newPassword}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('account.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Invitations me={me} />
      <SecurityEvents />
    </>
  );
}

function Invitations({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation();
  if (me.invitations.length === 0) return null;
  return (
    <Paper withBorder p="md" maw={720} mt="md" aria-label={t('account.invitations')}>
      <Title order={2} size="h4" mb="sm">
        {t('account.invitations')}
      </Title>
      <Stack>
        {me.invitations.map((inv) => (
          <Group key={inv.missionId} justify="space-between">
            <Text>
              {t('account.invitation', {
                mission: inv.missionName,
                role: t(`enums.role.${inv.role}`),
                by: inv.invitedBy?.email ?? '—',
              })}
            </Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => answer.mutate({ missionId: inv.missionId, accept: true })}>
                {t('account.accept')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => answer.mutate({ missionId: inv.missionId, accept: false })}
              >
                {t('account.decline')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function SecurityEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useSecurityEvents();
  if (!events.data || events.data.length === 0) return null;
  return (
    <Paper withBorder p="md" maw={720} mt="md">
      <Title order={2} size="h4" mb="sm">
        {t('account.events')}
      </Title>
      <Table aria-label={t('account.events')}>
        <Table.Tbody>
          {events.data.map((e) => (
            <Table.Tr key={`${e.at}-${e.kind}-${e.missionId ?? ''}`}>
              <Table.Td>{format.dateTime(e.at)}</Table.Td>
              <Table.Td>{t(`account.event.${e.kind}`)}</Table.Td>
              <Table.Td>{e.missionName ?? ''}</Table.Td>
              <Table.Td>{e.by ? `${e.by.name} (${e.by.email})` : t('account.bySystem')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
