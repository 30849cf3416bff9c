import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ALARM_DIRECTIONS, OBSERVATION_FREQUENCIES, type TAlarmDirection } from '../../../../shared/enums.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors } from '../../../lib/validation.ts';
import { useInitiatives } from '../../initiatives/index.ts';
import { usePeople } from '../../team/index.ts';
import {
  type TAlarmVariable,
  type TCreateAlarmVariableBody,
  useCreateAlarmVariable,
  useUpdateAlarmVariable,
} from '../api/risks.ts';

interface TValues {
  metric: string;
  unit: string;
  direction: TAlarmDirection;
  amberBound: number | '';
  redBound: number | '';
  frequency: string;
  escalationOwnerId: string | null;
  exposedInitiativeIds: string[];
}

const frequencyOf = (days: number) =>
  Object.entries(OBSERVATION_FREQUENCIES).find(([, d]) => d === days)?.[0] ?? 'weekly';

function valuesOf(variable: TAlarmVariable | undefined): TValues {
  if (!variable)
    return {
      metric: '',
      unit: '',
      direction: 'higher_is_worse',
      amberBound: '',
      redBound: '',
      frequency: 'weekly',
      escalationOwnerId: null,
      exposedInitiativeIds: [],
    };
  return {
    metric: variable.metric,
    unit: variable.unit ?? '',
    direction: variable.direction,
    amberBound: variable.amberBound,
    redBound: variable.redBound,
    frequency: frequencyOf(variable.frequencyDays),
    escalationOwnerId: variable.escalationOwner?.id ?? null,
    exposedInitiativeIds: variable.exposedInitiatives.map((i) => i.id),
  };
}

/**
 * Adds an alarm variable to a risk, or edits one (`variable`); the server checks that red lies
 * beyond amber. New bounds apply to the next observation; past alerts stay as they were.
 */
export function AlarmVariableDialog({
  riskId,
  planId,
  missionId,
  variable,
  opened,
  onClose,
}: {
  riskId: string;
  planId: string;
  missionId: string;
  variable?: TAlarmVariable;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAlarmVariable(riskId);
  const update = useUpdateAlarmVariable(variable?.id ?? '');
  const mutation = variable ? update : create;
  const people = usePeople({ missionId, limit: 500, sort: 'fullName' }, { enabled: opened });
  const initiatives = useInitiatives({ planId, limit: 500, sort: 'startDate' }, { enabled: opened });
  const form = useForm<TValues>({
    initialValues: valuesOf(variable),
    validate: {
      metric: (v) => (v.trim() ? null : t('validation.required')),
      amberBound: (v) => (typeof v === 'number' ? null : t('validation.number')),
      redBound: (v) => (typeof v === 'number' ? null : t('validation.number')),
    },
  });
  const handleSubmit = form.onSubmit((v) => {
    const body = {
      ...v,
      unit: v.unit.trim() || null,
      amberBound: Number(v.amberBound),
      redBound: Number(v.redBound),
    } as TCreateAlarmVariableBody;
    const onError = (error: Error) => {
      if (isApiError(error, 400)) {
        form.setErrors(toFormErrors(t, error.fieldErrors));
        focusFirstError();
      }
    };
    if (variable) {
      update.mutate({ ...body, version: variable.version }, { onSuccess: onClose, onError });
      return;
    }
    create.mutate(body, {
      onSuccess: () => {
        form.reset();
        onClose();
      },
      onError,
    });
  }, focusFirstError);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={variable ? t('risks.editAlarmVariable') : t('risks.newAlarmVariable')}
      size="lg"
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {mutation.error && !isApiError(mutation.error, 400) && (
            <Alert color="red" role="alert">
              {isApiError(mutation.error, 409) ? t('risks.variable.conflict') : mutation.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risks.variable.metric')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('metric')}
            />
            <TextInput label={t('risks.variable.unit')} {...form.getInputProps('unit')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('risks.variable.direction')}
              allowDeselect={false}
              data={ALARM_DIRECTIONS.map((d) => ({ value: d, label: t(`risks.direction.${d}`) }))}
              {...form.getInputProps('direction')}
            />
            <NumberInput
              label={t('risks.variable.amberBound')}
              withAsterisk
              {...form.getInputProps('amberBound')}
            />
            <NumberInput
              label={t('risks.variable.redBound')}
              withAsterisk
              {...form.getInputProps('redBound')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('risks.variable.frequency')}
              allowDeselect={false}
              data={Object.keys(OBSERVATION_FREQUENCIES).map((f) => ({
                value: f,
                label: t(`risks.frequency.${f as keyof typeof OBSERVATION_FREQUENCIES}`),
              }))}
              {...form.getInputProps('frequency')}
            />
            <Select
              label={t('risks.variable.escalationOwner')}
              clearable
              searchable
              data={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
              {...form.getInputProps('escalationOwnerId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('risks.variable.exposedInitiatives')}
            searchable
            data={(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
            {...form.getInputProps('exposedInitiativeIds')}
          />
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
