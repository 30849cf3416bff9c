import {
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import {
  type TAlarmVariable,
  useArchiveAlarmVariable,
  useImportObservations,
  useRecordObservation,
} from '../api/risks.ts';
import { AlarmVariableDialog } from './alarm-variable-dialog.tsx';
import { AlertItem } from './alert-list.tsx';
import { AlarmStatusBadge } from './risk-badges.tsx';

/** An alarm variable: status, bounds, exposed initiatives, open alerts, observations and how to add them. */
export function AlarmVariableCard({ variable, canWrite }: { variable: TAlarmVariable; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useRecordObservation(variable.id);
  const importCsv = useImportObservations(variable.id);
  const [observedOn, setObservedOn] = useState('');
  const [value, setValue] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const unit = variable.unit ? ` ${variable.unit}` : '';
  const fieldError = (field: string) =>
    record.error && isApiError(record.error, 400)
      ? (record.error.fieldErrors.find((e) => e.field === field)?.message ?? null)
      : null;
  const headingId = `variable-${variable.id}`;

  const handleRecord = (event: React.FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        observedOn,
        value: value as number,
        source: source.trim() || null,
        note: note.trim() || null,
      },
      {
        onSuccess: (result) => {
          setValue('');
          setNote('');
          notifications.show({
            color: result.alert ? 'red' : 'green',
            message: result.alert
              ? t('risks.alert.raisedNow', { level: t(`risks.status.${result.alert.level}`) })
              : t('risks.observation.recorded'),
          });
        },
      },
    );
  };

  const handleFile = async (file: File | null) => {
    if (!file) return;
    importCsv.mutate(await file.text(), {
      onSuccess: (result) =>
        notifications.show({
          color: 'green',
          message: t('risks.importDone', { count: result.observations.length }),
        }),
    });
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={headingId}>
              {variable.metric}
            </Title>
            <Text size="xs" c="dimmed">
              {t(`risks.direction.${variable.direction}`)} ·{' '}
              {t('risks.variable.bounds', {
                amber: `${format.number(variable.amberBound)}${unit}`,
                red: `${format.number(variable.redBound)}${unit}`,
              })}{' '}
              · {t('risks.variable.frequencyDays', { count: variable.frequencyDays })}
              {variable.escalationOwner &&
                ` · ${t('risks.variable.escalationOwner')}: ${variable.escalationOwner.fullName}`}
            </Text>
          </div>
          <Group gap="xs">
            <AlarmStatusBadge status={variable.status} />
            {canWrite && <VariableActions variable={variable} />}
          </Group>
        </Group>
        {variable.latest && (
          <Text size="sm">
            {t('risks.variable.latest', {
              value: `${format.number(variable.latest.value)}${unit}`,
              date: format.day(variable.latest.observedOn),
            })}
            {variable.nextDueOn &&
              ` · ${t('risks.variable.nextDue', { date: format.day(variable.nextDueOn) })}`}
          </Text>
        )}
        {variable.exposedInitiatives.length > 0 && (
          <Text size="sm">
            {t('risks.variable.exposedInitiatives')}:{' '}
            {variable.exposedInitiatives.map((i, index) => (
              <span key={i.id}>
                {index > 0 && ', '}
                <Anchor component={Link} to={`/initiatives/${i.id}`} size="sm">
                  {i.title}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        {variable.openAlerts.map((alert) => (
          <AlertItem key={alert.id} alert={alert} canWrite={canWrite} />
        ))}
        {canWrite && (
          <form
            onSubmit={handleRecord}
            noValidate
            aria-label={`${t('risks.recordObservation')}: ${variable.metric}`}
          >
            <Group align="flex-start" gap="xs" wrap="wrap">
              <TextInput
                type="date"
                label={t('risks.observation.observedOn')}
                withAsterisk
                value={observedOn}
                onChange={(e) => setObservedOn(e.currentTarget.value)}
                error={fieldError('observedOn')}
                w={160}
              />
              <NumberInput
                label={t('risks.observation.value')}
                withAsterisk
                value={value}
                onChange={(v) => setValue(typeof v === 'number' ? v : '')}
                error={fieldError('value')}
                w={130}
              />
              <TextInput
                label={t('risks.observation.source')}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                w={200}
              />
              <TextInput
                label={t('risks.observation.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 180 }}
              />
              <Button type="submit" mt={25} loading={record.isPending}>
                {t('risks.observation.record')}
              </Button>
            </Group>
          </form>
        )}
        {canWrite && (
          <Group gap="xs" align="center">
            <FileButton onChange={handleFile} accept=".csv,text/csv">
              {(props) => (
                <Button {...props} size="compact-sm" variant="light" loading={importCsv.isPending}>
                  {t('risks.importCsv')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('risks.importCsvHint')}
            </Text>
          </Group>
        )}
        {importCsv.error && (
          <Text size="sm" c="red" role="alert">
            {isApiError(importCsv.error, 400) && importCsv.error.fieldErrors.length
              ? importCsv.error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')
              : importCsv.error.message}
          </Text>
        )}
        {variable.observations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('risks.variable.noObservations')}
          </Text>
        ) : (
          <Table striped withTableBorder aria-label={`${t('risks.observations')}: ${variable.metric}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('risks.observation.observedOn')}</Table.Th>
                <Table.Th ta="right">{t('risks.observation.value')}</Table.Th>
                <Table.Th>{t('risks.observation.level')}</Table.Th>
                <Table.Th>{t('risks.observation.source')}</Table.Th>
                <Table.Th>{t('risks.observation.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {variable.observations.slice(0, 10).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{format.day(o.observedOn)}</Table.Td>
                  <Table.Td ta="right">
                    {format.number(o.value)}
                    {unit}
                  </Table.Td>
                  <Table.Td>
                    <AlarmStatusBadge status={o.level} />
                  </Table.Td>
                  <Table.Td>{o.source ?? ''}</Table.Td>
                  <Table.Td>{o.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** Edit the variable (bounds, frequency, owner, exposed initiatives) or archive it, after a confirmation. */
function VariableActions({ variable }: { variable: TAlarmVariable }) {
  const { t } = useTranslation();
  const [isEditing, editing] = useDisclosure(false);
  const [isArchiving, archiving] = useDisclosure(false);
  const archive = useArchiveAlarmVariable(variable.id);
  const handleArchive = () =>
    archive.mutate(variable.version, {
      onSuccess: () => {
        archiving.close();
        notifications.show({ color: 'green', message: t('risks.alarmVariableArchived') });
      },
    });
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        onClick={editing.open}
        aria-label={t('risks.editAlarmVariable')}
      >
        {t('app.edit')}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" onClick={archiving.open}>
        {t('risks.archiveAlarmVariable')}
      </Button>
      {isEditing && (
        <AlarmVariableDialog
          riskId={variable.riskId}
          planId={variable.planId}
          missionId={variable.missionId}
          variable={variable}
          opened
          onClose={editing.close}
        />
      )}
      <Modal
        opened={isArchiving}
        onClose={archiving.close}
        title={t('risks.archiveAlarmVariableTitle')}
        centered
      >
        <Text size="sm">{t('risks.archiveAlarmVariableText')}</Text>
        {archive.error && (
          <Alert color="red" mt="md" role="alert">
            {archive.error.message}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={archiving.close}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={handleArchive} loading={archive.isPending}>
            {t('risks.archiveAlarmVariable')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
