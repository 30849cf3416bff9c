import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ColourSwatches } from '../../../components/enum-badges.tsx';
import { useStructureName } from '../../../lib/structure-names.ts';
import type { TPlan } from '../api/plans.ts';

/** Focus areas, vectors and programmes, each with its initiatives' count (a link to the table). */
export function PlanStructure({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const structureName = useStructureName();
  const count = (n: number, filter: string) => (
    <Badge
      component={Link}
      to={`/plans/${plan.id}/initiatives?${filter}`}
      variant="light"
      tt="none"
      style={{ cursor: 'pointer', flexShrink: 0, overflow: 'visible' }}
    >
      {t('plan.initiativesCount', { count: n })}
    </Badge>
  );

  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('plan.focusAreas')}
        </Title>
        {plan.focusAreas.map((area) => (
          <div key={area.id}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {structureName('focusArea', area)}
              </Text>
              {count(area.initiativeCount, `focusAreaId=${area.id}`)}
            </Group>
            {area.description && (
              <Text size="xs" c="dimmed">
                {area.description}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('plan.vectors')}
        </Title>
        {plan.vectors.map((vector) => (
          <div key={vector.id}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {structureName('vector', vector)}
              </Text>
              {count(vector.initiativeCount, `vectorId=${vector.id}`)}
            </Group>
            {vector.description && (
              <Text size="xs" c="dimmed">
                {vector.description}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('plan.programmes')}
        </Title>
        {plan.programmes.map((programme) => (
          <Stack key={programme.id} gap={4}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {programme.name}
              </Text>
              {count(programme.initiativeCount, `programmeId=${programme.id}`)}
            </Group>
            <Group gap="xs">
              {programme.hashtag && (
                <Badge variant="outline" tt="none">
                  {programme.hashtag}
                </Badge>
              )}
              {programme.colors.length > 0 && (
                <ColourSwatches colors={programme.colors} label={t('plan.colours')} />
              )}
            </Group>
            {programme.description && (
              <Text size="xs" c="dimmed">
                {programme.description}
              </Text>
            )}
          </Stack>
        ))}
        {plan.programmes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('app.none')}
          </Text>
        )}
      </Stack>
    </SimpleGrid>
  );
}
