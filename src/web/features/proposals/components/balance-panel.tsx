import { Alert, Anchor, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart } from '../../../components/echart.tsx';
import { barOption } from '../../plans/index.ts';
import { type TPlanBalance, useBalance } from '../api/proposals.ts';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

type TItem = TPlanBalance['items'][number];

function ItemLink({ item }: { item: TItem | undefined }) {
  const { t } = useTranslation();
  if (!item) return <>{t('app.none')}</>;
  const to = item.source === 'initiative' ? `/initiatives/${item.id}` : `/proposals/${item.id}`;
  return (
    <Anchor component={Link} to={to} size="sm">
      {item.title}
      {item.source === 'candidate' ? ` (${t('balance.candidate')})` : ''}
    </Anchor>
  );
}

function CountChart({ title, counts }: { title: string; counts: TPlanBalance['byFocusArea'] }) {
  const bars = useMemo(() => counts.map((c) => ({ label: c.name, value: c.count, filter: null })), [counts]);
  const option = useMemo(() => barOption(bars, true), [bars]);
  return (
    <section aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <EChart option={option} height={Math.max(120, bars.length * 40 + 32)} label={title} rows={bars} />
    </section>
  );
}

/**
 * The plan's balance, live: approved initiatives plus candidates, by focus area and vector; each
 * promotion with its training counterpart and the unpaired ones; youth, innovation, cost.
 */
export function BalancePanel({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const balance = useBalance(planId);
  if (!balance.data) return null;
  const b = balance.data;
  const byId = new Map(b.items.map((item) => [item.id, item]));
  const money = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <Card withBorder component="section" aria-labelledby="balance-title">
      <Title order={2} size="h4" id="balance-title" mb="xs">
        {t('balance.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('balance.intro', { count: b.total })}
      </Text>
      {b.warnings.length > 0 && (
        <Stack gap={4} mb="sm">
          {b.warnings.map((w) => (
            <Alert key={w.code} color="orange" p="xs">
              {w.message}
            </Alert>
          ))}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <CountChart title={t('balance.byFocusArea')} counts={b.byFocusArea} />
        <CountChart title={t('balance.byVector')} counts={b.byVector} />
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('balance.figures')}
          </Text>
          <Text size="sm">{t('balance.youth', { count: b.youth.count, share: percent(b.youth.share) })}</Text>
          <Text size="sm">
            {t('balance.innovation', { product: b.innovation.product, process: b.innovation.process })}
          </Text>
          <Text
            size="sm"
            c={b.cost.isOverBudget ? 'red' : undefined}
            fw={b.cost.isOverBudget ? 700 : undefined}
          >
            {b.cost.envelope === null
              ? t('balance.costNoEnvelope', { total: money(b.cost.total) })
              : t('balance.cost', {
                  total: money(b.cost.total),
                  envelope: money(b.cost.envelope),
                  share: percent(b.cost.share),
                })}
          </Text>
          {b.cost.withoutCost > 0 && (
            <Text size="xs" c="dimmed">
              {t('balance.withoutCost', { count: b.cost.withoutCost })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('balance.pairingTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('balance.pairingHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table withTableBorder aria-label={t('balance.pairingTitle')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('balance.promotion')}</Table.Th>
              <Table.Th>{t('balance.training')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.pairing.pairs.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="dimmed">
                    {t('balance.noPairs')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {b.pairing.pairs.map((pair) => (
              <Table.Tr key={pair.promotionId}>
                <Table.Td>
                  <ItemLink item={byId.get(pair.promotionId)} />
                </Table.Td>
                <Table.Td>
                  <ItemLink item={byId.get(pair.trainingId)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap="xs">
          <Text size="sm" fw={600} c={b.pairing.unpairedPromotionIds.length ? 'orange.8' : undefined}>
            {t('balance.unpaired', { count: b.pairing.unpairedPromotionIds.length })}
          </Text>
          {b.pairing.unpairedPromotionIds.length > 0 && (
            <List size="sm" spacing={2} aria-label={t('balance.unpairedList')}>
              {b.pairing.unpairedPromotionIds.map((id) => (
                <List.Item key={id}>
                  <ItemLink item={byId.get(id)} />
                </List.Item>
              ))}
            </List>
          )}
          {b.pairing.unpairedTrainingIds.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('balance.spareTraining', { count: b.pairing.unpairedTrainingIds.length })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
