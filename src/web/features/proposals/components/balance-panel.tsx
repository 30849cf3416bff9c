import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBalance } from '../api/proposals.ts';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The plan's balance: approved initiatives plus candidates, by focus area, vector, pairing, youth, cost. */
export function BalancePanel({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const balance = useBalance(planId);
  if (!balance.data) return null;
  const b = balance.data;
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
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <div>
          <Text fw={600} size="sm">
            {t('balance.byFocusArea')}
          </Text>
          <Group gap={4} mt={4}>
            {b.byFocusArea.map((c) => (
              <Badge
                key={c.id ?? 'none'}
                variant={c.count ? 'light' : 'outline'}
                color={c.count ? 'blue' : 'gray'}
              >
                {c.name}: {c.count}
              </Badge>
            ))}
          </Group>
        </div>
        <div>
          <Text fw={600} size="sm">
            {t('balance.byVector')}
          </Text>
          <Group gap={4} mt={4}>
            {b.byVector.map((c) => (
              <Badge
                key={c.id ?? 'none'}
                variant={c.count ? 'light' : 'outline'}
                color={c.count ? 'blue' : 'gray'}
              >
                {c.name}: {c.count}
              </Badge>
            ))}
          </Group>
        </div>
        <Stack gap={2}>
          <Text size="sm">{t('balance.unpaired', { count: b.pairing.unpairedPromotionIds.length })}</Text>
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
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
