import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_CRITERIA, type TScoreCriterion } from '../../../../shared/enums.ts';
import { ZScoreRequest } from '../../../../shared/schemas/scoring.ts';
import { type TRound, useSaveScore } from '../api/proposals.ts';

type TDraft = Record<TScoreCriterion, string> & Record<`${TScoreCriterion}Comment`, string>;

function ProposalScoreCard({ round, proposal }: { round: TRound; proposal: TRound['proposals'][number] }) {
  const { t } = useTranslation();
  const save = useSaveScore(round.id);
  const mine = round.myScores.find((s) => s.proposalId === proposal.id);
  const [draft, setDraft] = useState<TDraft>({
    relevance: mine ? String(mine.relevance) : '',
    effectiveness: mine ? String(mine.effectiveness) : '',
    feasibility: mine ? String(mine.feasibility) : '',
    relevanceComment: mine?.relevanceComment ?? '',
    effectivenessComment: mine?.effectivenessComment ?? '',
    feasibilityComment: mine?.feasibilityComment ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<TScoreCriterion, string>>>({});
  const headingId = `score-${proposal.id}`;

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZScoreRequest.safeParse({
      relevance: draft.relevance ? Number(draft.relevance) : undefined,
      effectiveness: draft.effectiveness ? Number(draft.effectiveness) : undefined,
      feasibility: draft.feasibility ? Number(draft.feasibility) : undefined,
      relevanceComment: draft.relevanceComment.trim() || null,
      effectivenessComment: draft.effectivenessComment.trim() || null,
      feasibilityComment: draft.feasibilityComment.trim() || null,
    });
    if (!parsed.success) {
      const found: Partial<Record<TScoreCriterion, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as TScoreCriterion] = t('scoring.pick');
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate({ proposalId: proposal.id, body: parsed.data });
  };

  const isSaved = save.isSuccess || (!!mine && !save.isError);
  return (
    <Card withBorder component="form" onSubmit={handleSubmit} noValidate aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={headingId}>
          {proposal.title}
        </Title>
        {isSaved && !save.isPending && (
          <Text size="sm" c="green" role="status">
            {t('scoring.saved')}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {SCORE_CRITERIA.map((criterion) => (
          <Stack key={criterion} gap={4}>
            <Radio.Group
              label={t(`scoring.criteria.${criterion}`)}
              value={draft[criterion]}
              onChange={(v) => setDraft((d) => ({ ...d, [criterion]: v }))}
              error={errors[criterion]}
              withAsterisk
            >
              <Group gap="sm" mt={4}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio
                    key={n}
                    value={String(n)}
                    label={String(n)}
                    aria-label={`${t(`scoring.criteria.${criterion}`)} ${n}`}
                  />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              size="xs"
              placeholder={t('scoring.comment')}
              aria-label={`${t(`scoring.criteria.${criterion}`)}: ${t('scoring.comment')}`}
              value={draft[`${criterion}Comment`]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [`${criterion}Comment`]: value }));
              }}
            />
          </Stack>
        ))}
      </SimpleGrid>
      {save.error && (
        <Alert color="red" role="alert" mt="sm">
          {save.error.message}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" size="xs" loading={save.isPending}>
          {t('scoring.save')}
        </Button>
      </Group>
    </Card>
  );
}

/** The signed-in evaluator's scores, one small form per proposal, saved one at a time. */
export function ScoringForm({ round }: { round: TRound }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="scoring-title">
      <Title order={2} size="h4" id="scoring-title">
        {t('scoring.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('scoring.help')}
      </Text>
      <Stack gap="sm">
        {round.proposals.map((p) => (
          <ProposalScoreCard key={p.id} round={round} proposal={p} />
        ))}
      </Stack>
    </section>
  );
}
