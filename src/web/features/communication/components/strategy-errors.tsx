/**
 * Small pieces the strategy page's forms share: a channel's type, text split into lines, the list of a refused save's errors.
 */
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import type { TStrategy } from '../api/communication.ts';

export type TChannel = TStrategy['channels'][number];

export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The errors of a failed save, one line per field. */
export function ErrorList({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert color="red" title={t('app.errorTitle')} role="alert">
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {fieldErrors.map((e) => (
        <Text size="sm" key={e.field}>
          {e.field}: {e.message}
        </Text>
      ))}
    </Alert>
  );
}
