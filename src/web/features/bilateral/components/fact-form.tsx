import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BILATERAL_DATE_PRECISIONS,
  BILATERAL_FACT_KINDS,
  type TBilateralDatePrecision,
  type TBilateralFactKind,
} from '../../../../shared/enums.ts';
import { type ApiError, isApiError } from '../../../lib/api-client.ts';
import { type TBilateralFact, useCreateFact, useUpdateFact } from '../api/bilateral.ts';

type TDraft = {
  kind: TBilateralFactKind;
  title: string;
  date: string;
  datePrecision: TBilateralDatePrecision;
  summary: string;
  parties: string[];
  people: string[];
  value: number | string;
  currency: string;
  unit: string;
  sourceUrl: string;
};

const fromFact = (fact: TBilateralFact | null): TDraft => ({
  kind: fact?.kind ?? 'visit',
  title: fact?.title ?? '',
  date: fact?.date ?? '',
  datePrecision: fact?.datePrecision ?? 'day',
  summary: fact?.summary ?? '',
  parties: fact?.parties ?? [],
  people: fact?.people ?? [],
  value: fact?.value ?? '',
  currency: fact?.currency ?? '',
  unit: fact?.unit ?? '',
  sourceUrl: fact?.sourceUrl ?? '',
});

/** Adds a fact (no `fact`) or edits one, in a modal. */
export function FactForm({
  missionId,
  fact,
  opened,
  onClose,
}: {
  missionId: string;
  fact: TBilateralFact | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TDraft>(() => fromFact(fact));
  const create = useCreateFact();
  const update = useUpdateFact();
  const mutation = fact ? update : create;
  const error = mutation.error as ApiError | null;
  const fieldError = (field: string) =>
    error && isApiError(error) ? error.fieldErrors.find((e) => e.field === field)?.message : undefined;
  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = () => {
    const fields = {
      kind: draft.kind,
      title: draft.title,
      date: draft.date,
      datePrecision: draft.datePrecision,
      summary: draft.summary || null,
      parties: draft.parties,
      people: draft.people,
      value: draft.value === '' ? null : Number(draft.value),
      currency: draft.currency || null,
      unit: draft.unit || null,
      sourceUrl: draft.sourceUrl || null,
    };
    const done = { onSuccess: onClose };
    if (fact) update.mutate({ id: fact.id, body: { ...fields, version: fact.version } }, done);
    else create.mutate({ ...fields, missionId }, done);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={fact ? t('bilateral.editTitle') : t('bilateral.addTitle')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('bilateral.fields.kind')}
              data={BILATERAL_FACT_KINDS.map((k) => ({ value: k, label: t(`bilateral.kinds.${k}`) }))}
              value={draft.kind}
              onChange={(v) => v && set('kind', v as TBilateralFactKind)}
              allowDeselect={false}
              error={fieldError('kind')}
            />
            <TextInput
              type="date"
              label={t('bilateral.fields.date')}
              value={draft.date}
              onChange={(e) => set('date', e.currentTarget.value)}
              required
              error={fieldError('date')}
            />
            <Select
              label={t('bilateral.fields.datePrecision')}
              data={BILATERAL_DATE_PRECISIONS.map((p) => ({
                value: p,
                label: t(`bilateral.precisions.${p}`),
              }))}
              value={draft.datePrecision}
              onChange={(v) => v && set('datePrecision', v as TBilateralDatePrecision)}
              allowDeselect={false}
            />
          </Group>
          <TextInput
            label={t('bilateral.fields.title')}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            required
            error={fieldError('title')}
          />
          <Textarea
            label={t('bilateral.fields.summary')}
            value={draft.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <TagsInput
              label={t('bilateral.fields.parties')}
              value={draft.parties}
              onChange={(v) => set('parties', v)}
            />
            <TagsInput
              label={t('bilateral.fields.people')}
              value={draft.people}
              onChange={(v) => set('people', v)}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={t('bilateral.fields.value')}
              value={draft.value}
              onChange={(v) => set('value', v)}
              thousandSeparator=" "
              withAsterisk={draft.kind === 'economic_figure'}
              error={fieldError('value')}
            />
            <TextInput
              label={t('bilateral.fields.currency')}
              value={draft.currency}
              onChange={(e) => set('currency', e.currentTarget.value)}
              maxLength={3}
              error={fieldError('currency')}
            />
            <TextInput
              label={t('bilateral.fields.unit')}
              value={draft.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('bilateral.fields.sourceUrl')}
            value={draft.sourceUrl}
            onChange={(e) => set('sourceUrl', e.currentTarget.value)}
            error={fieldError('sourceUrl')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('bilateral.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('bilateral.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
