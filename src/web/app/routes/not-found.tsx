import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={640}>
      <Stack>
        <Title order={1} size="h2">
          404
        </Title>
        <Text>{t('app.notFound')}</Text>
        <Button component={Link} to="/" w="fit-content">
          {t('app.goHome')}
        </Button>
      </Stack>
    </Paper>
  );
}
