import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNICATION_ANCHORS, COMMUNICATION_OWNER_ROLES } from '../../../../shared/enums.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { type TTemplate, useTemplate, useUpdateTemplate } from '../api/communication.ts';

type TRow = TTemplate['steps'][number];

/** The plan's procedure: one row per step, editable by the head of mission and administrators. */
export function TemplateEditor({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const template = useTemplate(planId);
  const update = useUpdateTemplate(planId);
  const [rows, setRows] = useState<TRow[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (template.data) setRows(template.data.steps);
  }, [template.data]);
  if (!template.data) return <Text c="dimmed">{t('app.loading')}</Text>;

  const change = (index: number, patch: Partial<TRow>) =>
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = () => {
    setMessage(null);
    update.mutate(
      {
        steps: rows.map(({ position: _p, ...r }) => r),
        version: template.data.version,
        applyToInitiatives: true,
      },
      {
        onSuccess: () => setMessage({ ok: true, text: t('communicationProcedure.template.saved') }),
        onError: (e) =>
          setMessage({
            ok: false,
            text: isApiError(e)
              ? [e.message, ...e.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join(' ')
              : String(e),
          }),
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('communicationProcedure.template.intro', { timeZone: template.data.timeZone })}
        {template.data.communicationOfficer &&
          ` ${t('communicationProcedure.template.officer', { name: template.data.communicationOfficer.fullName })}`}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} aria-label={t('communicationProcedure.template.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('communicationProcedure.columns.step')}</Table.Th>
              <Table.Th>{t('communicationProcedure.template.offset')}</Table.Th>
              <Table.Th>{t('communicationProcedure.template.anchor')}</Table.Th>
              <Table.Th>{t('communicationProcedure.template.ownerRole')}</Table.Th>
              <Table.Th>{t('communicationProcedure.template.majorOnly')}</Table.Th>
              <Table.Th>{t('communicationProcedure.template.reminder')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const label = `${index + 1}. ${row.title}`;
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      miw={300}
                      value={row.title}
                      disabled={!canEdit}
                      aria-label={t('communicationProcedure.template.titleOf', { step: index + 1 })}
                      onChange={(e) => change(index, { title: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={90}
                      value={row.offsetDays}
                      allowDecimal={false}
                      disabled={!canEdit}
                      aria-label={t('communicationProcedure.template.offsetOf', { step: label })}
                      onChange={(v) => change(index, { offsetDays: Number(v) || 0 })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={150}
                      value={row.anchor}
                      disabled={!canEdit}
                      allowDeselect={false}
                      aria-label={t('communicationProcedure.template.anchorOf', { step: label })}
                      data={COMMUNICATION_ANCHORS.map((a) => ({
                        value: a,
                        label: t(`communicationProcedure.anchor.${a}`),
                      }))}
                      onChange={(v) => v && change(index, { anchor: v as TRow['anchor'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={200}
                      value={row.ownerRole}
                      disabled={!canEdit}
                      allowDeselect={false}
                      aria-label={t('communicationProcedure.template.ownerRoleOf', { step: label })}
                      data={COMMUNICATION_OWNER_ROLES.map((r) => ({
                        value: r,
                        label: t(`communicationProcedure.ownerRole.${r}`),
                      }))}
                      onChange={(v) => v && change(index, { ownerRole: v as TRow['ownerRole'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      checked={row.condition?.importance === 'major'}
                      disabled={!canEdit}
                      aria-label={t('communicationProcedure.template.majorOnlyOf', { step: label })}
                      onChange={(e) =>
                        change(index, { condition: e.currentTarget.checked ? { importance: 'major' } : null })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <NumberInput
                        size="xs"
                        w={80}
                        min={0}
                        allowDecimal={false}
                        value={row.reminderMinutes === null ? '' : row.reminderMinutes / 1440}
                        disabled={!canEdit}
                        aria-label={t('communicationProcedure.template.reminderOf', { step: label })}
                        onChange={(v) =>
                          change(index, { reminderMinutes: v === '' ? null : Math.round(Number(v) * 1440) })
                        }
                      />
                      <Text size="xs">{t('communicationProcedure.template.daysBefore')}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <VisuallyHidden aria-live="polite">{message?.text}</VisuallyHidden>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} variant="light">
          {message.text}
        </Alert>
      )}
      {canEdit ? (
        <Group justify="flex-end">
          <Button onClick={save} loading={update.isPending}>
            {t('communicationProcedure.template.save')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('communicationProcedure.template.readOnly')}
        </Text>
      )}
    </Stack>
  );
}
