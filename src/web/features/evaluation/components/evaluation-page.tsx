import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DAC_CRITERIA,
  DAC_RATING_LABELS,
  DAC_RATINGS,
  type TDacCriterion,
} from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import type { TPlan } from '../../plans/index.ts';
import { type TPlanEvaluation, useEvaluation, useSaveEvaluation } from '../api/evaluation.ts';
import { ReportButtons } from './report-buttons.tsx';

type TDraft = {
  criteria: Record<TDacCriterion, { rating: string; findings: string }>;
  conclusions: string;
  lessonsLearned: string;
};

const toDraft = (evaluation: TPlanEvaluation): TDraft => ({
  criteria: Object.fromEntries(
    DAC_CRITERIA.map((c) => [
      c,
      {
        rating: evaluation.criteria[c].rating ? String(evaluation.criteria[c].rating) : '',
        findings: evaluation.criteria[c].findings ?? '',
      },
    ]),
  ) as TDraft['criteria'],
  conclusions: evaluation.conclusions ?? '',
  lessonsLearned: evaluation.lessonsLearned ?? '',
});

function EvaluationForm({
  evaluation,
  save,
  onReload,
}: {
  evaluation: TPlanEvaluation;
  save: ReturnType<typeof useSaveEvaluation>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => toDraft(evaluation));
  const [isDirty, setIsDirty] = useState(false);
  const readOnly = !evaluation.canEdit;

  const change = (update: (d: TDraft) => TDraft) => {
    setDraft(update);
    setIsDirty(true);
  };

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        version: evaluation.version,
        criteria: Object.fromEntries(
          DAC_CRITERIA.map((c) => [
            c,
            {
              rating: draft.criteria[c].rating ? Number(draft.criteria[c].rating) : null,
              findings: draft.criteria[c].findings.trim() || null,
            },
          ]),
        ),
        conclusions: draft.conclusions.trim() || null,
        lessonsLearned: draft.lessonsLearned.trim() || null,
      },
      { onSuccess: () => setIsDirty(false) },
    );
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('evaluation.scale')}
        </Text>
        {readOnly && (
          <Alert color="gray" variant="light">
            {t('evaluation.readOnly')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {DAC_CRITERIA.map((criterion) => (
            <Card key={criterion} withBorder aria-labelledby={`dac-${criterion}`}>
              <Title order={2} size="h4" id={`dac-${criterion}`}>
                {t(`evaluation.criteria.${criterion}`)}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t(`evaluation.questions.${criterion}`)}
              </Text>
              <Radio.Group
                label={t('evaluation.rating')}
                value={draft.criteria[criterion].rating}
                onChange={(rating) =>
                  change((d) => ({
                    ...d,
                    criteria: { ...d.criteria, [criterion]: { ...d.criteria[criterion], rating } },
                  }))
                }
                readOnly={readOnly}
              >
                <Group gap="md" mt={4}>
                  {DAC_RATINGS.map((n) => (
                    <Radio
                      key={n}
                      value={String(n)}
                      disabled={readOnly}
                      label={`${n} · ${t(`evaluation.ratings.${DAC_RATING_LABELS[n]}`)}`}
                      aria-label={`${t(`evaluation.criteria.${criterion}`)}: ${n} ${t(`evaluation.ratings.${DAC_RATING_LABELS[n]}`)}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                mt="sm"
                label={t('evaluation.findings')}
                autosize
                minRows={3}
                value={draft.criteria[criterion].findings}
                readOnly={readOnly}
                onChange={(e) => {
                  const findings = e.currentTarget.value;
                  change((d) => ({
                    ...d,
                    criteria: { ...d.criteria, [criterion]: { ...d.criteria[criterion], findings } },
                  }));
                }}
              />
            </Card>
          ))}
        </SimpleGrid>
        <Textarea
          label={t('evaluation.conclusions')}
          autosize
          minRows={4}
          value={draft.conclusions}
          readOnly={readOnly}
          onChange={(e) => {
            const conclusions = e.currentTarget.value;
            change((d) => ({ ...d, conclusions }));
          }}
        />
        <Textarea
          label={t('evaluation.lessonsLearned')}
          description={t('evaluation.lessonsHint')}
          autosize
          minRows={4}
          value={draft.lessonsLearned}
          readOnly={readOnly}
          onChange={(e) => {
            const lessonsLearned = e.currentTarget.value;
            change((d) => ({ ...d, lessonsLearned }));
          }}
        />
        {save.isError && (
          <Alert color="red" role="alert" title={t('evaluation.notSaved')}>
            {isApiError(save.error, 409) ? t('evaluation.conflict') : (save.error as Error).message}
            {isApiError(save.error, 409) && (
              <Button mt="xs" size="xs" variant="default" onClick={onReload}>
                {t('evaluation.reload')}
              </Button>
            )}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('evaluation.save')}
            </Button>
            {save.isSuccess && !isDirty && (
              <Text size="sm" c="green" role="status">
                {t('evaluation.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The plan's final evaluation: a rating and findings per OECD-DAC criterion, conclusions, lessons. */
export function EvaluationPage({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const evaluation = useEvaluation(plan.id);
  const save = useSaveEvaluation(plan.id);
  return (
    <>
      <PageHeader
        eyebrow={`${plan.acronym} — ${plan.title}`}
        title={t('evaluation.title')}
        actions={<ReportButtons planId={plan.id} />}
      >
        {evaluation.data?.updatedAt && (
          <Text size="sm" c="dimmed">
            {t('evaluation.lastSaved', {
              date: format.dateTime(evaluation.data.updatedAt),
              name: evaluation.data.updatedByName ?? '—',
            })}
          </Text>
        )}
      </PageHeader>
      {evaluation.isPending || evaluation.isError ? (
        <QueryState query={evaluation} />
      ) : (
        <EvaluationForm
          key={evaluation.data.version}
          evaluation={evaluation.data}
          save={save}
          onReload={() => {
            save.reset();
            void evaluation.refetch();
          }}
        />
      )}
    </>
  );
}
