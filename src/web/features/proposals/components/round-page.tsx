import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTexts } from '../../../lib/server-texts.ts';
import {
  type TRound,
  type TRoundResults,
  useCanDecide,
  useCloseRound,
  useRoundResults,
} from '../api/proposals.ts';
import { ScoringForm } from './scoring-form.tsx';

type TItem = TRoundResults['items'][number];
type TSortKey = 'rank' | 'title' | 'relevance' | 'effectiveness' | 'feasibility' | 'overall' | 'count';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

function sortValue(item: TItem, key: TSortKey): number | string {
  switch (key) {
    case 'title':
      return item.proposal.title.toLowerCase();
    case 'rank':
      return item.rank ?? Number.POSITIVE_INFINITY;
    case 'overall':
      return -(item.overall ?? Number.NEGATIVE_INFINITY);
    case 'count':
      return -item.scoreCount;
    default:
      return -(item.criteria[key]?.mean ?? Number.NEGATIVE_INFINITY);
  }
}

function ResultsTable({ results }: { results: TRoundResults }) {
  const { t } = useTranslation();
  const serverTexts = useServerTexts();
  const [sort, setSort] = useState<{ key: TSortKey; desc: boolean }>({ key: 'rank', desc: false });
  const items = [...results.items].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return sort.desc ? -c : c;
  });
  const header = (key: TSortKey, label: string, align: 'left' | 'right' = 'right') => (
    <Table.Th ta={align} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}
      >
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder aria-label={t('results.title')}>
        <Table.Thead>
          <Table.Tr>
            {header('rank', t('results.rank'))}
            {header('title', t('results.proposal'), 'left')}
            {header('relevance', t('scoring.criteria.relevance'))}
            {header('effectiveness', t('scoring.criteria.effectiveness'))}
            {header('feasibility', t('scoring.criteria.feasibility'))}
            {header('overall', t('results.overall'))}
            {header('count', t('results.count'))}
            <Table.Th>{t('results.flags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.proposal.id}>
              <Table.Td ta="right">{item.rank ?? '—'}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/proposals/${item.proposal.id}`}>
                  {item.proposal.title}
                </Anchor>
              </Table.Td>
              {(['relevance', 'effectiveness', 'feasibility'] as const).map((c) => (
                <Table.Td key={c} ta="right">
                  {fmt(item.criteria[c]?.mean)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ± {fmt(item.criteria[c]?.stdDev)}
                  </Text>
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {fmt(item.overall)}
              </Table.Td>
              <Table.Td ta="right">{item.scoreCount}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {item.isCandidate && (
                    <Badge color="green" variant="light">
                      {t('results.candidate')}
                    </Badge>
                  )}
                  {item.hasDisagreement && (
                    <Badge color="orange" variant="light" title={item.disagreementCriteria.join(', ')}>
                      {t('results.disagreement')}
                    </Badge>
                  )}
                  {item.decision && (
                    <Badge color="gray" variant="outline">
                      {t(`proposals.outcomes.${item.decision.outcome}`)}
                    </Badge>
                  )}
                </Group>
                {!item.isCandidate && item.reasons.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {item.reasonDetails.map((r) => serverTexts.selectionReason(r)).join('; ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/scoring-rounds/:id`: who has not scored yet, the caller's scoring form, the results, closing. */
export function RoundPage({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const canDecide = useCanDecide(round.missionId);
  const results = useRoundResults(round.id);
  const close = useCloseRound(round.id);
  const titles = new Map(round.proposals.map((p) => [p.id, p.title]));
  const isOpen = round.status === 'open';
  return (
    <>
      <PageHeader
        backTo={{ to: `/plans/${round.planId}/proposals`, label: t('proposals.title') }}
        eyebrow={
          <Badge color={isOpen ? 'blue' : 'gray'} variant="light">
            {t(`rounds.status.${round.status}`)}
          </Badge>
        }
        title={round.name}
        actions={
          <Group gap="xs">
            <Button
              component="a"
              variant="default"
              href={`/api/scoring-rounds/${round.id}/results.xlsx`}
              download
            >
              {t('results.download')}
            </Button>
            {canDecide && isOpen && (
              <Button
                color="red"
                variant="light"
                loading={close.isPending}
                onClick={() => close.mutate(round.version)}
              >
                {t('rounds.close')}
              </Button>
            )}
          </Group>
        }
      />
      {close.error && (
        <Alert color="red" role="alert" mb="md">
          {close.error.message}
        </Alert>
      )}
      <Stack gap="lg">
        <Text size="sm">
          {t('rounds.deadline')}: {round.deadline ?? t('app.none')} · {t('rounds.proposals')}:{' '}
          {round.proposalCount} · {t('rounds.evaluators')}: {round.evaluatorCount}
        </Text>
        <section aria-labelledby="missing-title">
          <Title order={2} size="h4" id="missing-title" mb="xs">
            {t('rounds.notScoredYet')}
          </Title>
          {round.missing.length === 0 ? (
            <Text c="dimmed">{t('rounds.allScored')}</Text>
          ) : (
            <List>
              {round.missing.map((m) => (
                <List.Item key={m.evaluator.id}>
                  <Text span fw={600}>
                    {m.evaluator.name}
                  </Text>
                  : {m.proposalIds.map((id) => titles.get(id) ?? id).join(', ')}
                </List.Item>
              ))}
            </List>
          )}
        </section>
        {isOpen && round.isEvaluator && <ScoringForm round={round} />}
        <section aria-labelledby="results-title">
          <Title order={2} size="h4" id="results-title" mb="xs">
            {t('results.title')}
          </Title>
          {results.data && <ResultsTable results={results.data} />}
          {results.isError && (
            <Text c="dimmed" size="sm">
              {results.error.message}
            </Text>
          )}
        </section>
      </Stack>
    </>
  );
}
