import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  IMPACTS,
  LIKELIHOODS,
  RISK_RESPONSES,
  type TImpact,
  type TLikelihood,
  type TRiskResponse,
} from '../../../../shared/enums.ts';
import { ZCreateRiskRequest } from '../../../../shared/schemas/risk.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import { useInitiatives } from '../../initiatives/index.ts';
import { usePeople } from '../../team/index.ts';
import {
  type TCreateRiskBody,
  type TRiskDetail,
  type TRiskSettings,
  useCreateRisk,
  useUpdateRisk,
} from '../api/risks.ts';

interface TAction {
  description: string;
  ownerId: string | null;
  dueDate: string | null;
  isDone: boolean;
}

interface TValues {
  title: string;
  area: string | null;
  initiativeId: string | null;
  cause: string;
  event: string;
  consequence: string;
  inherentLikelihood: TLikelihood | null;
  inherentImpact: TImpact | null;
  residualLikelihood: TLikelihood | null;
  residualImpact: TImpact | null;
  response: TRiskResponse | null;
  ownerId: string | null;
  reviewDate: string | null;
  actions: TAction[];
}

const blankToNull = (v: string | null) => (v?.trim() ? v : null);

function valuesOf(risk: TRiskDetail | undefined, initiativeId: string | null): TValues {
  return {
    title: risk?.title ?? '',
    area: risk?.area ?? null,
    initiativeId: risk ? (risk.initiative?.id ?? null) : initiativeId,
    cause: risk?.cause ?? '',
    event: risk?.event ?? '',
    consequence: risk?.consequence ?? '',
    inherentLikelihood: risk?.inherentLikelihood ?? null,
    inherentImpact: risk?.inherentImpact ?? null,
    residualLikelihood: risk?.residualLikelihood ?? null,
    residualImpact: risk?.residualImpact ?? null,
    response: risk?.response ?? null,
    ownerId: risk?.owner?.id ?? null,
    reviewDate: risk?.reviewDate ?? null,
    actions:
      risk?.actions.map((a) => ({
        description: a.description,
        ownerId: a.owner?.id ?? null,
        dueDate: a.dueDate,
        isDone: a.isDone,
      })) ?? [],
  };
}

/** The request body of the form's values; residual defaults to inherent. */
function bodyOf(planId: string, v: TValues) {
  return {
    planId,
    title: v.title,
    area: v.area ?? '',
    initiativeId: v.initiativeId,
    cause: blankToNull(v.cause),
    event: blankToNull(v.event),
    consequence: blankToNull(v.consequence),
    inherentLikelihood: v.inherentLikelihood,
    inherentImpact: v.inherentImpact,
    residualLikelihood: v.residualLikelihood ?? v.inherentLikelihood,
    residualImpact: v.residualImpact ?? v.inherentImpact,
    response: v.response,
    ownerId: v.ownerId,
    reviewDate: blankToNull(v.reviewDate),
    actions: v.actions.map((a) => ({ ...a, dueDate: blankToNull(a.dueDate) })),
  };
}

/** Create or edit a risk: analysis, inherent and residual assessment, response, owner and actions. */
export function RiskFormDialog({
  planId,
  missionId,
  settings,
  risk,
  initiativeId = null,
  opened,
  onClose,
}: {
  planId: string;
  missionId: string;
  settings: TRiskSettings;
  risk?: TRiskDetail;
  initiativeId?: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateRisk();
  const update = useUpdateRisk(risk?.id ?? '');
  const mutation = risk ? update : create;
  const people = usePeople({ missionId, limit: 500, sort: 'fullName' }, { enabled: opened });
  const initiatives = useInitiatives({ planId, limit: 500, sort: 'startDate' }, { enabled: opened });
  const form = useForm<TValues>({
    initialValues: valuesOf(risk, initiativeId),
    validate: (values) => zodFormResolver(ZCreateRiskRequest, t)(bodyOf(planId, values)),
  });

  const personData = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }));
  const enumData = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) as string }));

  const handleSubmit = form.onSubmit((values) => {
    const body = bodyOf(planId, values) as TCreateRiskBody;
    const onError = (error: Error) => {
      if (isApiError(error, 400)) {
        form.setErrors(toFormErrors(t, error.fieldErrors));
        focusFirstError();
      }
    };
    if (risk) {
      const { planId: _p, ...changes } = body;
      update.mutate(
        { ...changes, version: risk.version },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('app.save') });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          form.reset();
          onClose();
          void navigate(`/risks/${created.id}`);
        },
        onError,
      });
    }
  }, focusFirstError);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={risk ? t('risks.editRisk') : t('risks.newRisk')}
      size="xl"
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {mutation.error && !isApiError(mutation.error, 400) && (
            <Alert color="red" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          <TextInput
            label={t('risks.fields.title')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('risks.fields.area')}
              withAsterisk
              data={settings.areas.map((a) => ({ value: a.key, label: a.name }))}
              {...form.getInputProps('area')}
            />
            <Select
              label={t('risks.fields.initiative')}
              placeholder={t('risks.planLevel')}
              clearable
              searchable
              data={(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
              {...form.getInputProps('initiativeId')}
            />
          </SimpleGrid>
          <Textarea label={t('risks.fields.cause')} autosize minRows={1} {...form.getInputProps('cause')} />
          <Textarea label={t('risks.fields.event')} autosize minRows={1} {...form.getInputProps('event')} />
          <Textarea
            label={t('risks.fields.consequence')}
            autosize
            minRows={1}
            {...form.getInputProps('consequence')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label={t('risks.fields.inherentLikelihood')}
              withAsterisk
              data={enumData(LIKELIHOODS, 'risks.likelihood')}
              {...form.getInputProps('inherentLikelihood')}
            />
            <Select
              label={t('risks.fields.inherentImpact')}
              withAsterisk
              data={enumData(IMPACTS, 'risks.impact')}
              {...form.getInputProps('inherentImpact')}
            />
            <Select
              label={t('risks.fields.residualLikelihood')}
              clearable
              data={enumData(LIKELIHOODS, 'risks.likelihood')}
              {...form.getInputProps('residualLikelihood')}
            />
            <Select
              label={t('risks.fields.residualImpact')}
              clearable
              data={enumData(IMPACTS, 'risks.impact')}
              {...form.getInputProps('residualImpact')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('risks.fields.response')}
              clearable
              data={enumData(RISK_RESPONSES, 'risks.response')}
              {...form.getInputProps('response')}
            />
            <Select
              label={t('risks.fields.owner')}
              clearable
              searchable
              data={personData}
              {...form.getInputProps('ownerId')}
            />
            <TextInput
              type="date"
              label={t('risks.fields.reviewDate')}
              {...form.getInputProps('reviewDate')}
              value={form.values.reviewDate ?? ''}
            />
          </SimpleGrid>
          <Divider label={t('risks.actions')} labelPosition="left" />
          {form.values.actions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('risks.noActions')}
            </Text>
          )}
          {form.values.actions.map((_, index) => {
            const n = index + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity until saved
              <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 3 }}
                  label={t('risks.actionDescription', { n })}
                  {...form.getInputProps(`actions.${index}.description`)}
                />
                <Select
                  style={{ flex: 2 }}
                  label={t('risks.actionOwner', { n })}
                  clearable
                  searchable
                  data={personData}
                  {...form.getInputProps(`actions.${index}.ownerId`)}
                />
                <TextInput
                  style={{ flex: 1.4 }}
                  type="date"
                  label={t('risks.actionDue', { n })}
                  {...form.getInputProps(`actions.${index}.dueDate`)}
                  value={form.values.actions[index]?.dueDate ?? ''}
                />
                <Checkbox
                  mb={8}
                  label={t('risks.actionDone')}
                  {...form.getInputProps(`actions.${index}.isDone`, { type: 'checkbox' })}
                />
                <ActionIcon
                  mb={4}
                  variant="subtle"
                  color="red"
                  aria-label={t('risks.removeAction', { n })}
                  onClick={() => form.removeListItem('actions', index)}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                form.insertListItem('actions', {
                  description: '',
                  ownerId: null,
                  dueDate: null,
                  isDone: false,
                })
              }
            >
              {t('risks.addAction')}
            </Button>
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
