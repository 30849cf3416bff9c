import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AMEC_STAGES,
  COLLECTION_FREQUENCIES,
  INDICATOR_KINDS,
  INDICATOR_MEASURES,
} from '../../../../shared/enums.ts';
import { ZCreateIndicatorRequest, ZUpdateIndicatorRequest } from '../../../../shared/schemas/results.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { useMissionPeople, usePlanInitiatives } from '../../communication/index.ts';
import { usePlan } from '../../plans/index.ts';
import { type TIndicator, useCreateIndicator, useUpdateIndicator } from '../api/results.ts';

type TLevel = 'plan' | 'objective' | 'initiative';

/** What the form holds: text as typed, turned into the request body on submit. */
type TValues = {
  level: TLevel;
  targetId: string | null;
  name: string;
  description: string;
  kind: string | null;
  amecStage: string | null;
  measure: string | null;
  ascending: boolean;
  unit: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  sourceOfVerification: string;
  collectionFrequency: string | null;
  responsibleId: string | null;
};

type TErrors = Record<string, string>;

const numberText = (value: number | null) => (value === null ? '' : String(value));

function initialValues(indicator: TIndicator | undefined): TValues {
  return {
    level: indicator?.level ?? 'plan',
    targetId: indicator?.objectiveId ?? indicator?.initiativeId ?? null,
    name: indicator?.name ?? '',
    description: indicator?.description ?? '',
    kind: indicator?.kind ?? 'result',
    amecStage: indicator?.amecStage ?? null,
    measure: indicator?.measure ?? 'unit',
    ascending: indicator?.ascending ?? true,
    unit: indicator?.unit ?? '',
    baselineValue: numberText(indicator?.baseline.value ?? null),
    baselineDate: indicator?.baseline.date ?? '',
    targetValue: numberText(indicator?.target.value ?? null),
    targetDate: indicator?.target.date ?? '',
    sourceOfVerification: indicator?.sourceOfVerification ?? '',
    collectionFrequency: indicator?.collectionFrequency ?? null,
    responsibleId: indicator?.responsible?.id ?? null,
  };
}

/** A typed number, null when empty, NaN when not a number (reported at the field). */
const toNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

/** The server and zod name nested fields `baseline.value`; the form's fields are flat. */
const FIELD_OF: Record<string, keyof TValues> = {
  'baseline.value': 'baselineValue',
  'baseline.date': 'baselineDate',
  'target.value': 'targetValue',
  'target.date': 'targetDate',
  baseline: 'baselineValue',
  target: 'targetValue',
  objectiveId: 'targetId',
  initiativeId: 'targetId',
};

/**
 * Every field of an indicator: used to create one (from the dashboard) and to edit one (from its
 * page, with the version read). Checked with the shared schema first, then the server's 400 field
 * errors (the AMEC guard among them) are shown at their fields.
 */
function IndicatorForm({
  planId,
  missionId,
  indicator,
  onDone,
}: {
  planId: string;
  missionId: string;
  indicator?: TIndicator;
  onDone: (saved: TIndicator) => void;
}) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  const initiatives = usePlanInitiatives(planId);
  const people = useMissionPeople(missionId);
  const create = useCreateIndicator();
  const update = useUpdateIndicator(indicator?.id ?? '');
  const mutation = indicator ? update : create;
  const [values, setValues] = useState<TValues>(() => initialValues(indicator));
  const [errors, setErrors] = useState<TErrors>({});
  const [conflict, setConflict] = useState(false);

  const set = <K extends keyof TValues>(field: K, value: TValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const text =
    (field: keyof TValues) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const typed = event.currentTarget.value;
      set(field, typed as never);
    };

  const showErrors = (found: TErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`indicator-${first}`)?.focus();
  };

  const collect = (issues: readonly { path: readonly PropertyKey[] | string; message: string }[]) => {
    const found: TErrors = {};
    for (const issue of issues) {
      const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
      const field = FIELD_OF[path] ?? path.split('.')[0] ?? 'form';
      found[field] ??= translateMessage(t, issue.message);
    }
    return found;
  };

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const fields = {
      name: values.name,
      description: values.description.trim() || null,
      kind: values.kind,
      amecStage: values.amecStage,
      measure: values.measure,
      ascending: values.ascending,
      unit: values.unit.trim() || null,
      baseline: { value: toNumber(values.baselineValue), date: values.baselineDate || null },
      target: { value: toNumber(values.targetValue), date: values.targetDate || null },
      sourceOfVerification: values.sourceOfVerification.trim() || null,
      collectionFrequency: values.collectionFrequency,
      responsibleId: values.responsibleId,
    };
    const found: TErrors = {};
    if (Number.isNaN(fields.baseline.value)) found.baselineValue = t('validation.number');
    if (Number.isNaN(fields.target.value)) found.targetValue = t('validation.number');
    if (values.level !== 'plan' && !values.targetId) found.targetId = t('validation.required');
    const onError = (error: Error) => {
      if (isApiError(error, 409)) setConflict(true);
      else if (isApiError(error, 400))
        showErrors(collect(error.fieldErrors.map((e) => ({ path: e.field, message: e.message }))));
    };
    if (indicator) {
      const parsed = ZUpdateIndicatorRequest.safeParse({ ...fields, version: indicator.version });
      if (!parsed.success) Object.assign(found, { ...collect(parsed.error.issues), ...found });
      if (!parsed.success || Object.keys(found).length) return showErrors(found);
      setErrors({});
      update.mutate(parsed.data as never, { onSuccess: onDone, onError });
      return;
    }
    const parsed = ZCreateIndicatorRequest.safeParse({
      ...fields,
      planId,
      objectiveId: values.level === 'objective' ? values.targetId : null,
      initiativeId: values.level === 'initiative' ? values.targetId : null,
    });
    if (!parsed.success) Object.assign(found, { ...collect(parsed.error.issues), ...found });
    if (!parsed.success || Object.keys(found).length) return showErrors(found);
    setErrors({});
    create.mutate(parsed.data as never, { onSuccess: onDone, onError });
  };

  const levelOptions =
    values.level === 'objective'
      ? (plan.data?.objectives ?? []).map((o) => ({ value: o.id, label: o.text }))
      : (initiatives.data ?? []).map((i) => ({
          value: i.id,
          label: i.title,
        }));

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('indicators.form.title')}>
      <Stack>
        {conflict && (
          <Alert color="orange" role="alert">
            {t('indicators.form.conflict')}
          </Alert>
        )}
        {mutation.error && !isApiError(mutation.error, 400) && !isApiError(mutation.error, 409) && (
          <Alert color="red" role="alert">
            {mutation.error.message}
          </Alert>
        )}
        {!indicator && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              id="indicator-level"
              label={t('indicators.form.level')}
              data={(['plan', 'objective', 'initiative'] as const).map((value) => ({
                value,
                label: t(`indicators.level.${value}`),
              }))}
              value={values.level}
              allowDeselect={false}
              onChange={(level) =>
                setValues((v) => ({ ...v, level: (level ?? 'plan') as TLevel, targetId: null }))
              }
            />
            {values.level !== 'plan' && (
              <Select
                id="indicator-targetId"
                label={t(`indicators.level.${values.level}`)}
                withAsterisk
                searchable
                data={levelOptions}
                value={values.targetId}
                onChange={(id) => set('targetId', id)}
                error={errors.targetId}
              />
            )}
          </SimpleGrid>
        )}
        <TextInput
          id="indicator-name"
          label={t('indicators.form.name')}
          withAsterisk
          value={values.name}
          onChange={text('name')}
          error={errors.name}
        />
        <Textarea
          id="indicator-description"
          label={t('indicators.form.description')}
          autosize
          minRows={2}
          value={values.description}
          onChange={text('description')}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            id="indicator-kind"
            label={t('indicators.kindLabel')}
            withAsterisk
            data={INDICATOR_KINDS.map((value) => ({ value, label: t(`indicators.kind.${value}`) }))}
            value={values.kind}
            onChange={(v) => set('kind', v)}
            error={errors.kind}
          />
          <Select
            id="indicator-amecStage"
            label={t('indicators.stage')}
            withAsterisk
            description={t('indicators.form.stageHint')}
            data={AMEC_STAGES.map((value) => ({ value, label: t(`indicators.amecStage.${value}`) }))}
            value={values.amecStage}
            onChange={(v) => set('amecStage', v)}
            error={errors.amecStage}
          />
          <Select
            id="indicator-measure"
            label={t('indicators.measureLabel')}
            withAsterisk
            data={INDICATOR_MEASURES.map((value) => ({ value, label: t(`indicators.measure.${value}`) }))}
            value={values.measure}
            onChange={(v) => set('measure', v)}
            error={errors.measure}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id="indicator-unit"
            label={t('indicators.form.unit')}
            placeholder={t('indicators.form.unitPlaceholder')}
            value={values.unit}
            onChange={text('unit')}
            error={errors.unit}
          />
          <Switch
            id="indicator-ascending"
            mt="xl"
            label={t('indicators.ascending')}
            description={t('indicators.form.ascendingHint')}
            checked={values.ascending}
            onChange={(event) => set('ascending', event.currentTarget.checked)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            id="indicator-baselineValue"
            inputMode="decimal"
            label={t('indicators.form.baselineValue')}
            value={values.baselineValue}
            onChange={text('baselineValue')}
            error={errors.baselineValue}
          />
          <TextInput
            id="indicator-baselineDate"
            type="date"
            label={t('indicators.form.baselineDate')}
            value={values.baselineDate}
            onChange={text('baselineDate')}
            error={errors.baselineDate}
          />
          <TextInput
            id="indicator-targetValue"
            inputMode="decimal"
            label={t('indicators.form.targetValue')}
            value={values.targetValue}
            onChange={text('targetValue')}
            error={errors.targetValue}
          />
          <TextInput
            id="indicator-targetDate"
            type="date"
            label={t('indicators.form.targetDate')}
            value={values.targetDate}
            onChange={text('targetDate')}
            error={errors.targetDate}
          />
        </SimpleGrid>
        <TextInput
          id="indicator-sourceOfVerification"
          label={t('indicators.source')}
          value={values.sourceOfVerification}
          onChange={text('sourceOfVerification')}
          error={errors.sourceOfVerification}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            id="indicator-collectionFrequency"
            label={t('indicators.frequencyLabel')}
            clearable
            data={COLLECTION_FREQUENCIES.map((value) => ({
              value,
              label: t(`indicators.frequency.${value}`),
            }))}
            value={values.collectionFrequency}
            onChange={(v) => set('collectionFrequency', v)}
            error={errors.collectionFrequency}
          />
          <Select
            id="indicator-responsibleId"
            label={t('indicators.responsible')}
            clearable
            searchable
            data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
            value={values.responsibleId}
            onChange={(v) => set('responsibleId', v)}
            error={errors.responsibleId}
          />
        </SimpleGrid>
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {indicator ? t('indicators.form.saveChanges') : t('indicators.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "New indicator" on the dashboard: a dialog with the whole form. */
export function NewIndicatorButton({ planId, missionId }: { planId: string; missionId: string }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>{t('indicators.form.new')}</Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={t('indicators.form.new')} size="xl">
        {isOpen && <IndicatorForm planId={planId} missionId={missionId} onDone={() => setIsOpen(false)} />}
      </Modal>
    </>
  );
}

/** "Edit" on an indicator's page: the same form with the indicator's values. */
export function EditIndicatorButton({ indicator }: { indicator: TIndicator }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setIsOpen(true)}>
        {t('indicators.form.edit')}
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title={t('indicators.form.edit')} size="xl">
        {isOpen && (
          <IndicatorForm
            planId={indicator.planId}
            missionId={indicator.missionId}
            indicator={indicator}
            onDone={() => setIsOpen(false)}
          />
        )}
      </Modal>
    </>
  );
}
