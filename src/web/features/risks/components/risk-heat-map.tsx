import { Box, Group, SegmentedControl, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  IMPACTS,
  LIKELIHOODS,
  type TImpact,
  type TLikelihood,
  type TRiskLevel,
} from '../../../../shared/enums.ts';
import type { TRisk } from '../api/risks.ts';
import { LEVEL_COLOURS } from './risk-badges.tsx';

export type TRiskView = 'inherent' | 'residual';
export type TCell = { likelihood: TLikelihood; impact: TImpact };

/** Likelihood rows from the most likely (top) to the rarest, as a heat map is read. */
const ROWS = [...LIKELIHOODS].reverse();

/** Which cell of the grid a risk sits in, for the inherent or residual assessment. */
export const cellOf = (risk: TRisk, view: TRiskView): TCell =>
  view === 'inherent'
    ? { likelihood: risk.inherentLikelihood, impact: risk.inherentImpact }
    : { likelihood: risk.residualLikelihood, impact: risk.residualImpact };

/**
 * The 5×5 heat map: each cell coloured by the plan's matrix, with the number of risks in it.
 * A click selects the cell (again to clear it); the toggle switches inherent and residual.
 */
export function RiskHeatMap({
  risks,
  matrix,
  view,
  selected,
  onViewChange,
  onSelect,
}: {
  risks: TRisk[];
  matrix: TRiskLevel[][];
  view: TRiskView;
  selected: TCell | null;
  onViewChange: (view: TRiskView) => void;
  onSelect: (cell: TCell | null) => void;
}) {
  const { t } = useTranslation();
  const count = (cell: TCell) =>
    risks.filter((r) => {
      const c = cellOf(r, view);
      return c.likelihood === cell.likelihood && c.impact === cell.impact;
    }).length;
  return (
    <Box>
      <Group justify="space-between" mb="sm">
        <Text fw={700} component="h2" size="lg">
          {t('risks.heatMap')}
        </Text>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => onViewChange(v as TRiskView)}
          data={[
            { value: 'inherent', label: t('risks.inherent') },
            { value: 'residual', label: t('risks.residual') },
          ]}
          aria-label={t('risks.heatMap')}
        />
      </Group>
      <Box
        role="grid"
        aria-label={`${t('risks.heatMap')} (${t(`risks.${view}`)})`}
        style={{ display: 'grid', gridTemplateColumns: '8.5rem repeat(5, minmax(3.5rem, 1fr))', gap: 4 }}
      >
        <Text size="xs" c="dimmed" fw={600} style={{ alignSelf: 'end' }}>
          {t('risks.likelihoodAxis')} ↓ / {t('risks.impactAxis')} →
        </Text>
        {IMPACTS.map((impact) => (
          <Text
            key={impact}
            size="xs"
            fw={600}
            ta="center"
            role="columnheader"
            // Long words (Russian, Kazakh) break inside the column rather than run into the next one.
            style={{
              alignSelf: 'end',
              minWidth: 0,
              overflowWrap: 'anywhere',
              hyphens: 'auto',
              lineHeight: 1.2,
            }}
          >
            {t(`risks.impact.${impact}`)}
          </Text>
        ))}
        {ROWS.map((likelihood, row) => (
          <Box key={likelihood} role="row" style={{ display: 'contents' }}>
            <Text size="xs" fw={600} role="rowheader" style={{ alignSelf: 'center' }}>
              {t(`risks.likelihood.${likelihood}`)}
            </Text>
            {IMPACTS.map((impact, column) => {
              const level = matrix[row]?.[column] ?? 'low';
              const n = count({ likelihood, impact });
              const isSelected = selected?.likelihood === likelihood && selected.impact === impact;
              const colours = LEVEL_COLOURS[level];
              return (
                <UnstyledButton
                  key={impact}
                  role="gridcell"
                  aria-selected={isSelected}
                  aria-label={t('risks.heatMapCell', {
                    likelihood: t(`risks.likelihood.${likelihood}`),
                    impact: t(`risks.impact.${impact}`),
                    count: n,
                    level: t(`risks.level.${level}`),
                  })}
                  onClick={() => onSelect(isSelected ? null : { likelihood, impact })}
                  style={{
                    background: colours.bg,
                    color: colours.fg,
                    height: '3.25rem',
                    borderRadius: 6,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontWeight: 700,
                    fontSize: n ? '1.25rem' : '0.8rem',
                    outline: isSelected ? '3px solid var(--mantine-color-blue-7)' : undefined,
                    outlineOffset: 2,
                    opacity: n ? 1 : 0.7,
                  }}
                >
                  {n || '·'}
                </UnstyledButton>
              );
            })}
          </Box>
        ))}
      </Box>
      <Group gap="xs" mt="sm">
        {(['low', 'moderate', 'high', 'extreme'] as const).map((level) => (
          <Group key={level} gap={4}>
            <Box w={12} h={12} style={{ background: LEVEL_COLOURS[level].bg, borderRadius: 3 }} />
            <Text size="xs">{t(`risks.level.${level}`)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
