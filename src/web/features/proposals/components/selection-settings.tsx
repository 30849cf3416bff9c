import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SCORE_CRITERIA } from '../../../../shared/enums.ts';
import { ZUpdateSelectionSettingsRequest } from '../../../../shared/schemas/scoring.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import {
  type TSelectionSettings,
  useSelectionSettings,
  useUpdateSelectionSettings,
} from '../api/proposals.ts';

/** The plan's selection settings, for the head of mission and administrators. */
export function SelectionSettingsCard({ planId }: { planId: string }) {
  const settings = useSelectionSettings(planId);
  if (!settings.data) return null;
  return <SettingsForm key={settings.data.version} settings={settings.data} planId={planId} />;
}

function SettingsForm({ settings, planId }: { settings: TSelectionSettings; planId: string }) {
  const { t } = useTranslation();
  const update = useUpdateSelectionSettings(planId);
  const form = useForm({
    initialValues: {
      scoreWeights: settings.scoreWeights,
      selectionRule: settings.selectionRule,
      hideScoresUntilSubmitted: settings.hideScoresUntilSubmitted,
      version: settings.version,
    },
    validate: (values) => zodFormResolver(ZUpdateSelectionSettingsRequest, t)(values),
  });
  const numberProps = (path: string) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (v: string | number) => props.onChange(typeof v === 'number' ? v : Number.NaN),
    };
  };

  return (
    <Card withBorder component="section" aria-labelledby="selection-title">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          update.mutate(values, {
            onSuccess: () => notifications.show({ color: 'green', message: t('selection.saved') }),
            onError: (error) => {
              if (isApiError(error, 400)) form.setErrors(toFormErrors(t, error.fieldErrors));
            },
          }),
        )}
      >
        <Title order={2} size="h4" id="selection-title" mb={4}>
          {t('selection.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('selection.help')}
        </Text>
        {update.error && !isApiError(update.error, 400) && (
          <Alert color="red" role="alert" mb="sm">
            {update.error.message}
          </Alert>
        )}
        {form.errors.scoreWeights && (
          <Alert color="red" mb="sm">
            {form.errors.scoreWeights}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('selection.weights')}
            </Text>
            <Group grow align="flex-start">
              {SCORE_CRITERIA.map((criterion) => (
                <NumberInput
                  key={criterion}
                  label={t(`scoring.criteria.${criterion}`)}
                  min={0}
                  max={100}
                  {...numberProps(`scoreWeights.${criterion}`)}
                />
              ))}
            </Group>
          </Stack>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('selection.rule')}
            </Text>
            <Group grow align="flex-start">
              <NumberInput
                label={t('selection.minCriterionMean')}
                min={1}
                max={5}
                step={0.5}
                decimalScale={2}
                {...numberProps('selectionRule.minCriterionMean')}
              />
              <NumberInput
                label={t('selection.minOverall')}
                min={1}
                max={5}
                step={0.5}
                decimalScale={2}
                {...numberProps('selectionRule.minOverall')}
              />
            </Group>
          </Stack>
        </SimpleGrid>
        <Checkbox
          mt="md"
          label={t('selection.hideScores')}
          {...form.getInputProps('hideScoresUntilSubmitted', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={update.isPending}>
            {t('selection.save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
