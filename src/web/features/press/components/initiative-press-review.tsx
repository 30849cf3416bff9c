import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format.ts';
import { usePressReview } from '../api/press.ts';
import { TONE_COLOR } from './press-page.tsx';

/** On an initiative's page: its press review, the clippings confirmed for it. */
export function InitiativePressReview({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const review = usePressReview(initiativeId);
  const items = review.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="press-review-title">
      <Title order={2} size="h4" mb="xs" id="press-review-title">
        {t('press.review.title')}
      </Title>
      {review.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('press.review.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap">
            <div>
              <Anchor component={Link} to={`/press/${item.id}`} fw={600}>
                {item.title ?? t('press.untitled')}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[item.outlet, format.day(item.publishedAt ?? item.createdAt), item.language]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            {item.effectiveTone && (
              <Badge color={TONE_COLOR[item.effectiveTone]} variant="light">
                {t(`press.tone.${item.effectiveTone}`)}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
