import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { type TInitiativeResults, useInitiativeResults, useSaveInitiativeResults } from '../api/results.ts';

const COUNTS = [
  'attendance',
  'participantsTrained',
  'scholarships',
  'onlineViews',
  'audienceReached',
] as const;
type TCountField = (typeof COUNTS)[number];
const LABELS = {
  attendance: 'indicators.attendance',
  participantsTrained: 'indicators.participantsTrained',
  scholarships: 'indicators.scholarships',
  onlineViews: 'indicators.onlineViews',
  audienceReached: 'indicators.audience',
} as const satisfies Record<TCountField, string>;

function EditResultsDialog({
  results,
  opened,
  onClose,
}: {
  results: TInitiativeResults;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveInitiativeResults(results.initiativeId);
  const [counts, setCounts] = useState<Record<TCountField, number | null>>(
    () => Object.fromEntries(COUNTS.map((f) => [f, results[f]])) as Record<TCountField, number | null>,
  );
  const [outcomes, setOutcomes] = useState(results.qualitativeOutcomes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...counts, qualitativeOutcomes: outcomes.trim() || null, version: results.version },
      {
        onSuccess: () => {
          setErrors({});
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          setErrors(
            Object.fromEntries(error.fieldErrors.map((e) => [e.field, translateMessage(t, e.message)])),
          );
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('indicators.editResults')} size="lg">
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {save.error && !isApiError(save.error, 400) && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {COUNTS.map((field) => (
              <NumberInput
                key={field}
                label={t(LABELS[field])}
                min={0}
                allowDecimal={false}
                thousandSeparator=" "
                value={counts[field] ?? ''}
                onChange={(v) => setCounts((c) => ({ ...c, [field]: typeof v === 'number' ? v : null }))}
                error={errors[field]}
              />
            ))}
          </SimpleGrid>
          <Textarea
            label={t('indicators.qualitativeOutcomes')}
            autosize
            minRows={3}
            value={outcomes}
            onChange={(e) => setOutcomes(e.currentTarget.value)}
            error={errors.qualitativeOutcomes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The initiative's results in figures and qualitative outcomes. The media reflection and the
 * photos and videos are on the event sheet above (the API returns them with the results too).
 */
export function InitiativeResultsSection({
  initiativeId,
  canEdit,
}: {
  initiativeId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useInitiativeResults(initiativeId);
  const [isEditing, setIsEditing] = useState(false);
  if (!query.data) return null;
  const results = query.data;
  const figures = COUNTS.filter((f) => results[f] !== null);
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="initiative-results">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="initiative-results">
          {t('indicators.initiativeResults')}
        </Title>
        {canEdit && (
          <Button variant="light" onClick={() => setIsEditing(true)}>
            {t('indicators.editResults')}
          </Button>
        )}
      </Group>
      {figures.length === 0 && !results.qualitativeOutcomes ? (
        <Text c="dimmed">{t('indicators.noResults')}</Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
            {figures.map((field) => (
              <div key={field}>
                <Text size="xs" c="dimmed">
                  {t(LABELS[field])}
                </Text>
                <Text fw={700} size="lg">
                  {format.number(results[field]!)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {results.qualitativeOutcomes && <Text>{results.qualitativeOutcomes}</Text>}
        </Stack>
      )}
      {isEditing && (
        <EditResultsDialog results={results} opened={isEditing} onClose={() => setIsEditing(false)} />
      )}
    </Paper>
  );
}
