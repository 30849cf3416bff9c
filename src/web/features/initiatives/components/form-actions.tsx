import { Button, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Save and cancel, kept in view at the bottom of long forms. */
export function FormActions({
  cancelTo,
  submitLabel,
  isSubmitting,
}: {
  cancelTo: string;
  submitLabel: string;
  isSubmitting: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" mt="md" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} shadow="sm">
      <Group justify="flex-end">
        <Button component={Link} to={cancelTo} variant="default">
          {t('app.cancel')}
        </Button>
        <Button type="submit" loading={isSubmitting}>
          {submitLabel}
        </Button>
      </Group>
    </Paper>
  );
}
