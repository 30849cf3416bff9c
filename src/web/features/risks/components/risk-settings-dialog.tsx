import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Divider,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPACTS, LIKELIHOODS, RISK_LEVELS, type TRiskLevel } from '../../../../shared/enums.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { type TRiskSettings, useUpdateRiskSettings } from '../api/risks.ts';
import { LEVEL_COLOURS } from './risk-badges.tsx';

const ROWS = [...LIKELIHOODS].reverse();
const keyOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'a_$1')
    .slice(0, 60);

/** The plan's risk areas and its 5×5 matrix, for the head of mission. */
export function RiskSettingsDialog({
  planId,
  settings,
  opened,
  onClose,
}: {
  planId: string;
  settings: TRiskSettings;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateRiskSettings(planId);
  const [areas, setAreas] = useState(settings.areas.map((a) => ({ ...a })));
  const [matrix, setMatrix] = useState<TRiskLevel[][]>(settings.matrix.map((row) => [...row]));
  const errors = update.error && isApiError(update.error, 400) ? update.error.fieldErrors : [];

  const handleSave = () =>
    update.mutate(
      {
        version: settings.version,
        areas: areas
          .filter((a) => a.name.trim())
          .map((a) => ({ key: a.key || keyOf(a.name), name: a.name.trim() })),
        matrix,
      },
      { onSuccess: onClose },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('risks.settings')} size="xl">
      <Stack gap="sm">
        {update.error && (
          <Alert color="red" role="alert">
            {errors.length ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : update.error.message}
          </Alert>
        )}
        <Divider label={t('risks.areas')} labelPosition="left" />
        {areas.map((area, index) => (
          <Group key={area.key || `new-${index}`} gap="xs" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('risks.areaName', { n: index + 1 })}
              value={area.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setAreas((list) => list.map((a, i) => (i === index ? { ...a, name } : a)));
              }}
            />
            <ActionIcon
              mb={4}
              variant="subtle"
              color="red"
              aria-label={t('risks.removeArea', { n: index + 1 })}
              onClick={() => setAreas((list) => list.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => setAreas((list) => [...list, { key: '', name: '' }])}
          >
            {t('risks.addArea')}
          </Button>
        </Group>
        <Divider label={t('risks.matrix')} labelPosition="left" />
        <Box style={{ display: 'grid', gridTemplateColumns: '8rem repeat(5, 1fr)', gap: 4 }}>
          <span />
          {IMPACTS.map((impact) => (
            <Text key={impact} size="xs" fw={600} ta="center">
              {t(`risks.impact.${impact}`)}
            </Text>
          ))}
          {ROWS.map((likelihood, row) => (
            <Box key={likelihood} style={{ display: 'contents' }}>
              <Text size="xs" fw={600} style={{ alignSelf: 'center' }}>
                {t(`risks.likelihood.${likelihood}`)}
              </Text>
              {IMPACTS.map((impact, column) => {
                const level = matrix[row]![column]!;
                return (
                  <NativeSelect
                    key={impact}
                    size="xs"
                    aria-label={`${t(`risks.likelihood.${likelihood}`)} × ${t(`risks.impact.${impact}`)}`}
                    value={level}
                    data={RISK_LEVELS.map((l) => ({ value: l, label: t(`risks.level.${l}`) }))}
                    styles={{
                      input: { background: LEVEL_COLOURS[level].bg, color: LEVEL_COLOURS[level].fg },
                    }}
                    onChange={(e) => {
                      const value = e.currentTarget.value as TRiskLevel;
                      setMatrix((m) =>
                        m.map((r, i) => (i === row ? r.map((c, j) => (j === column ? value : c)) : r)),
                      );
                    }}
                  />
                );
              })}
            </Box>
          ))}
        </Box>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={handleSave} loading={update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
