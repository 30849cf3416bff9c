import { Anchor, Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPerson } from '../api/people.ts';

const LEVEL_COLOURS = [
  '',
  'var(--mantine-color-blue-1)',
  'var(--mantine-color-blue-3)',
  'var(--mantine-color-blue-6)',
];

/** People × competence tags, the level (1–3) in each cell; the most shared competences first. */
export function CompetenceMatrix({ people }: { people: readonly TPerson[] }) {
  const { t } = useTranslation();
  const withCompetences = people.filter((p) => p.competences.length > 0);
  const counts = new Map<string, number>();
  for (const p of withCompetences)
    for (const c of p.competences) counts.set(c.tag, (counts.get(c.tag) ?? 0) + 1);
  const tags = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  if (withCompetences.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('monitoring.matrix.empty')}
      </Text>
    );
  return (
    <Box p="sm">
      <Text size="sm" c="dimmed" mb="xs">
        {t('monitoring.matrix.intro')} {t('monitoring.matrix.legend')}
      </Text>
      <Table.ScrollContainer minWidth={200 + tags.length * 70}>
        <Table withColumnBorders verticalSpacing={6} aria-label={t('monitoring.matrix.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitoring.matrix.person')}</Table.Th>
              {tags.map((tag) => (
                <Table.Th key={tag} ta="center" style={{ whiteSpace: 'nowrap' }}>
                  {tag.replaceAll('_', ' ')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {withCompetences.map((person) => {
              const levels = new Map(person.competences.map((c) => [c.tag, c.level]));
              return (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/team/${person.id}`} size="sm" c="dark.8">
                      {person.fullName}
                    </Anchor>
                  </Table.Th>
                  {tags.map((tag) => {
                    const level = levels.get(tag);
                    return (
                      <Table.Td
                        key={tag}
                        ta="center"
                        fw={700}
                        bg={level ? LEVEL_COLOURS[level] : undefined}
                        c={level === 3 ? 'white' : undefined}
                        title={level ? `${tag}: ${t('team.level', { level })}` : undefined}
                      >
                        {level ?? ''}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
