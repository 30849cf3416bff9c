import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Competence tags with their level (1–3) as dots and in words for screen readers. */
export function Competences({ competences }: { competences: ReadonlyArray<{ tag: string; level: number }> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {competences.map((c) => (
        <Badge key={c.tag} variant="light" color="gray" tt="none" title={t('team.level', { level: c.level })}>
          {c.tag}{' '}
          <span aria-hidden>
            {'●'.repeat(c.level)}
            {'○'.repeat(Math.max(0, 3 - c.level))}
          </span>
          <span className="visually-hidden"> ({t('team.level', { level: c.level })})</span>
        </Badge>
      ))}
    </Group>
  );
}
