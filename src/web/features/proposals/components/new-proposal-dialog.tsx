import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_TYPES } from '../../../../shared/enums.ts';
import { ZCreateProposalRequest } from '../../../../shared/schemas/proposal.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import type { TPlan } from '../../plans/api/plans.ts';
import { type TCreateProposalBody, useCreateProposal } from '../api/proposals.ts';

interface TValues {
  planId: string;
  title: string;
  summary: string | null;
  type: (typeof INITIATIVE_TYPES)[number] | null;
  focusAreaId: string | null;
  vectorIds: string[];
  estimatedCost: number | null;
  targetAudience: string | null;
  rationale: string | null;
  startDate: string | null;
  endDate: string | null;
  status: 'draft' | 'submitted';
}

const blankToNull = (v: string | null) => (v?.trim() ? v : null);

/** A new proposal in the plan, validated by the same schema as the API; saved as a draft or submitted. */
export function NewProposalDialog({
  plan,
  opened,
  onClose,
}: {
  plan: TPlan;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProposal();
  const form = useForm<TValues>({
    initialValues: {
      planId: plan.id,
      title: '',
      summary: null,
      type: null,
      focusAreaId: null,
      vectorIds: [],
      estimatedCost: null,
      targetAudience: null,
      rationale: null,
      startDate: null,
      endDate: null,
      status: 'submitted',
    },
    transformValues: (v) => ({
      ...v,
      summary: blankToNull(v.summary),
      targetAudience: blankToNull(v.targetAudience),
      rationale: blankToNull(v.rationale),
      startDate: blankToNull(v.startDate),
      endDate: blankToNull(v.endDate),
    }),
    validate: (values) =>
      zodFormResolver(
        ZCreateProposalRequest,
        t,
      )({
        ...values,
        summary: blankToNull(values.summary),
        targetAudience: blankToNull(values.targetAudience),
        rationale: blankToNull(values.rationale),
        startDate: blankToNull(values.startDate),
        endDate: blankToNull(values.endDate),
        estimatedCost: typeof values.estimatedCost === 'number' ? values.estimatedCost : null,
      }),
  });

  const submit = (status: 'draft' | 'submitted') =>
    form.onSubmit((values) => {
      const body = ZCreateProposalRequest.parse({
        ...values,
        status,
        estimatedCost: typeof values.estimatedCost === 'number' ? values.estimatedCost : null,
      });
      create.mutate(body as TCreateProposalBody, {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('proposals.created') });
          form.reset();
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 400)) {
            form.setErrors(toFormErrors(t, error.fieldErrors));
            focusFirstError();
          }
        },
      });
    }, focusFirstError);

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposals.newTitle')} size="lg">
      <form onSubmit={submit('submitted')} noValidate>
        <Stack gap="sm">
          {create.error && !isApiError(create.error, 400) && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <TextInput
            label={t('proposals.fields.title')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('proposals.fields.summary')}
            autosize
            minRows={2}
            {...form.getInputProps('summary')}
            value={form.values.summary ?? ''}
          />
          <Group grow align="flex-start">
            <Select
              label={t('proposals.fields.type')}
              withAsterisk
              searchable
              data={INITIATIVE_TYPES.map((type) => ({
                value: type,
                label: t(`enums.initiativeType.${type}`),
              }))}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('proposals.fields.focusArea')}
              clearable
              data={plan.focusAreas.map((f) => ({ value: f.id, label: `${f.key} — ${f.name}` }))}
              {...form.getInputProps('focusAreaId')}
            />
          </Group>
          <MultiSelect
            label={t('proposals.fields.vectors')}
            data={plan.vectors.map((v) => ({ value: v.id, label: `${v.key} — ${v.name}` }))}
            {...form.getInputProps('vectorIds')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('proposals.fields.estimatedCost')}
              min={0}
              thousandSeparator=" "
              {...form.getInputProps('estimatedCost')}
              value={form.values.estimatedCost ?? ''}
              onChange={(v) => form.setFieldValue('estimatedCost', typeof v === 'number' ? v : null)}
            />
            <TextInput
              label={t('proposals.fields.targetAudience')}
              {...form.getInputProps('targetAudience')}
              value={form.values.targetAudience ?? ''}
            />
          </Group>
          <Textarea
            label={t('proposals.fields.rationale')}
            autosize
            minRows={2}
            {...form.getInputProps('rationale')}
            value={form.values.rationale ?? ''}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('proposals.fields.startDate')}
              {...form.getInputProps('startDate')}
              value={form.values.startDate ?? ''}
            />
            <TextInput
              type="date"
              label={t('proposals.fields.endDate')}
              {...form.getInputProps('endDate')}
              value={form.values.endDate ?? ''}
            />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button variant="light" loading={create.isPending} onClick={() => submit('draft')()}>
              {t('proposals.saveDraft')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('proposals.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
