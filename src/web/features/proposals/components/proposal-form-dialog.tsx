import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_TYPES, INNOVATION_KINDS, type TPartnerRole } from '../../../../shared/enums.ts';
import { ZCreateProposalRequest, ZUpdateProposalRequest } from '../../../../shared/schemas/proposal.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import { useOrganisations } from '../../organisations/index.ts';
import type { TPlan } from '../../plans/index.ts';
import {
  type TCreateProposalBody,
  type TProposal,
  type TUpdateProposalBody,
  useCreateProposal,
  useUpdateProposal,
} from '../api/proposals.ts';

interface TValues {
  planId: string;
  title: string;
  summary: string | null;
  type: (typeof INITIATIVE_TYPES)[number] | null;
  focusAreaId: string | null;
  vectorIds: string[];
  programmeId: string | null;
  partnerIds: string[];
  cities: string[];
  innovationKind: (typeof INNOVATION_KINDS)[number] | null;
  involvesYouth: boolean;
  estimatedCost: number | null;
  targetAudience: string | null;
  rationale: string | null;
  startDate: string | null;
  endDate: string | null;
  status: 'draft' | 'submitted';
}

const blankToNull = (v: string | null) => (v?.trim() ? v : null);

/** A partner added on a proposal takes this role; it can be refined on the initiative once approved. */
const NEW_PARTNER_ROLE: TPartnerRole = 'institutional_partner';

function initialValues(plan: TPlan, proposal?: TProposal): TValues {
  if (!proposal)
    return {
      planId: plan.id,
      title: '',
      summary: null,
      type: null,
      focusAreaId: null,
      vectorIds: [],
      programmeId: null,
      partnerIds: [],
      cities: [],
      innovationKind: null,
      involvesYouth: false,
      estimatedCost: null,
      targetAudience: null,
      rationale: null,
      startDate: null,
      endDate: null,
      status: 'submitted',
    };
  return {
    planId: plan.id,
    title: proposal.title,
    summary: proposal.summary,
    type: proposal.type,
    focusAreaId: proposal.focusArea?.id ?? null,
    vectorIds: proposal.vectors.map((v) => v.id),
    programmeId: proposal.programme?.id ?? null,
    partnerIds: proposal.partners.map((p) => p.organisationId),
    cities: proposal.cities,
    innovationKind: proposal.innovationKind,
    involvesYouth: proposal.involvesYouth,
    estimatedCost: proposal.estimatedCost,
    targetAudience: proposal.targetAudience,
    rationale: proposal.rationale,
    startDate: proposal.startDate,
    endDate: proposal.endDate,
    status: proposal.status === 'draft' ? 'draft' : 'submitted',
  };
}

/**
 * A new proposal in the plan, or the author's changes to one not yet in a scoring round;
 * validated by the same schema as the API, saved as a draft or submitted.
 */
export function ProposalFormDialog({
  plan,
  proposal,
  opened,
  onClose,
}: {
  plan: TPlan;
  /** The proposal to edit; a new one when absent. */
  proposal?: TProposal;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProposal();
  const update = useUpdateProposal(proposal?.id ?? '');
  const mutation = proposal ? update : create;
  const organisations = useOrganisations({ missionId: plan.missionId, limit: 500 }, { enabled: opened });
  const roleOf = new Map(proposal?.partners.map((p) => [p.organisationId, p.role]));
  const form = useForm<TValues>({
    initialValues: initialValues(plan, proposal),
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
        ...toBody(values),
        summary: blankToNull(values.summary),
        targetAudience: blankToNull(values.targetAudience),
        rationale: blankToNull(values.rationale),
        startDate: blankToNull(values.startDate),
        endDate: blankToNull(values.endDate),
        estimatedCost: typeof values.estimatedCost === 'number' ? values.estimatedCost : null,
      }),
  });

  function toBody(values: TValues) {
    const { partnerIds, ...rest } = values;
    return {
      ...rest,
      partners: partnerIds.map((organisationId) => ({
        organisationId,
        role: roleOf.get(organisationId) ?? NEW_PARTNER_ROLE,
      })),
    };
  }

  const submit = (status: 'draft' | 'submitted') =>
    form.onSubmit((values) => {
      const fields = {
        ...toBody(values),
        status,
        estimatedCost: typeof values.estimatedCost === 'number' ? values.estimatedCost : null,
      };
      const onSuccess = () => {
        notifications.show({ color: 'green', message: t('proposals.created') });
        if (!proposal) form.reset();
        onClose();
      };
      const onError = (error: Error) => {
        if (isApiError(error, 400)) {
          form.setErrors(toFormErrors(t, error.fieldErrors));
          focusFirstError();
        }
      };
      if (proposal) {
        const { planId: _planId, ...changes } = fields;
        const body = ZUpdateProposalRequest.parse({ ...changes, version: proposal.version });
        update.mutate(body as TUpdateProposalBody, { onSuccess, onError });
        return;
      }
      create.mutate(ZCreateProposalRequest.parse(fields) as TCreateProposalBody, {
        onSuccess,
        onError,
      });
    }, focusFirstError);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={proposal ? t('proposals.editTitle') : t('proposals.newTitle')}
      size="lg"
    >
      <form onSubmit={submit('submitted')} noValidate>
        <Stack gap="sm">
          {mutation.error && !isApiError(mutation.error, 400) && (
            <Alert color="red" role="alert">
              {mutation.error.message}
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
          <Group grow align="flex-start">
            <MultiSelect
              label={t('proposals.fields.vectors')}
              data={plan.vectors.map((v) => ({ value: v.id, label: `${v.key} — ${v.name}` }))}
              {...form.getInputProps('vectorIds')}
            />
            <Select
              label={t('proposals.fields.programme')}
              clearable
              data={plan.programmes.map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('programmeId')}
            />
          </Group>
          <MultiSelect
            label={t('proposals.fields.partners')}
            description={t('proposals.fields.partnersHelp')}
            searchable
            data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('partnerIds')}
          />
          <Group grow align="flex-start">
            <TagsInput
              label={t('proposals.fields.cities')}
              description={t('proposals.fields.citiesHelp')}
              {...form.getInputProps('cities')}
            />
            <Select
              label={t('proposals.fields.innovationKind')}
              clearable
              data={INNOVATION_KINDS.map((k) => ({ value: k, label: t(`enums.innovationKind.${k}`) }))}
              {...form.getInputProps('innovationKind')}
            />
          </Group>
          <Checkbox
            label={t('proposals.fields.involvesYouth')}
            {...form.getInputProps('involvesYouth', { type: 'checkbox' })}
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
            {(!proposal || proposal.status === 'draft') && (
              <Button variant="light" loading={mutation.isPending} onClick={() => submit('draft')()}>
                {t('proposals.saveDraft')}
              </Button>
            )}
            <Button type="submit" loading={mutation.isPending}>
              {t('proposals.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
