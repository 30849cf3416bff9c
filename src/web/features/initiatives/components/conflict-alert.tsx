import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Someone else saved first: say so plainly and offer their version; never overwrite silently. */
export function ConflictAlert({ onReload, isReloading }: { onReload: () => void; isReloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('initiative.conflictTitle')}
      role="alert"
      mb="md"
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('initiative.conflictText')}</Text>
        <Button color="dark" size="xs" onClick={onReload} loading={isReloading}>
          {t('initiative.reloadTheirVersion')}
        </Button>
      </Stack>
    </Alert>
  );
}
