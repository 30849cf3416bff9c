import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TInitiativeStatus, TMediaReflection } from '../../shared/enums.ts';
import { MEDIA_REFLECTIONS } from '../../shared/enums.ts';

const STATUS_COLORS: Record<TInitiativeStatus, string> = {
  proposed: 'gray',
  approved: 'cyan',
  planned: 'blue',
  in_preparation: 'indigo',
  done: 'green',
  evaluated: 'teal',
  rejected: 'red',
  parked: 'gray',
  postponed: 'orange',
  cancelled: 'red',
};

/** An initiative's lifecycle status, coloured by where it stands. */
export function StatusBadge({ status }: { status: TInitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      c={`${STATUS_COLORS[status]}.9`}
      variant="light"
      radius="sm"
      tt="none"
    >
      {t(`enums.initiativeStatus.${status}`)}
    </Badge>
  );
}

/** The 5-level media reflection as a small meter plus its word (never colour alone). */
export function MediaReflectionMeter({ value }: { value: TMediaReflection | null }) {
  const { t } = useTranslation();
  if (!value) return <Text c="dimmed">{t('app.none')}</Text>;
  const level = MEDIA_REFLECTIONS.indexOf(value) + 1;
  return (
    <Group gap={6} wrap="nowrap">
      <Group gap={2} wrap="nowrap" aria-hidden>
        {MEDIA_REFLECTIONS.map((step, index) => (
          <span
            key={step}
            style={{
              width: 6,
              height: 14,
              borderRadius: 2,
              background: index < level ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-3)',
            }}
          />
        ))}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t(`enums.mediaReflection.${value}`)}
      </Text>
    </Group>
  );
}

/** A programme's colours as small swatches. */
export function ColourSwatches({ colors, label }: { colors: readonly string[]; label: string }) {
  return (
    <Group gap={4} role="img" aria-label={`${label}: ${colors.join(', ')}`}>
      {colors.map((color) => (
        <span
          key={color}
          title={color}
          style={{
            width: 18,
            height: 18,
            borderRadius: 4,
            background: color,
            border: '1px solid var(--mantine-color-gray-4)',
          }}
        />
      ))}
    </Group>
  );
}
