import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';

interface TQueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The loading and error states of a query, so each page handles only its data.
 * @example if (query.isPending || query.isError) return <QueryState query={query} notFound={t('…')} />;
 */
export function QueryState({
  query,
  notFound,
  fullPage = false,
}: {
  query: TQueryLike;
  notFound?: string;
  fullPage?: boolean;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center mih={fullPage ? '100vh' : 200} aria-busy="true">
        <Stack align="center" gap="xs">
          <Loader aria-hidden />
          <Text c="dimmed" size="sm">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  const error = query.error;
  const message =
    isApiError(error, 404) && notFound
      ? notFound
      : isApiError(error, 404)
        ? t('app.notAvailableYet')
        : error instanceof Error
          ? error.message
          : String(error);
  return (
    <Center mih={fullPage ? '100vh' : undefined} p="md">
      <Alert color="red" title={t('app.errorTitle')} role="alert" maw={640} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          {!isApiError(error, 404) && (
            <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
              {t('app.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    </Center>
  );
}
