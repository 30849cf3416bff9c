import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TImportRowError, useImportInitiatives } from '../api/import.ts';

/**
 * Uploads a CSV/XLSX file into the plan. All or nothing: when any row has an error, the server
 * imports nothing and the errors are listed by row and column.
 */
export function ImportDialog({
  planId,
  opened,
  onClose,
}: {
  planId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importFile = useImportInitiatives(planId);
  const outcome = importFile.data;
  const rowErrors: TImportRowError[] = outcome?.errors ?? [];
  const imported = outcome?.result ?? null;
  const failure = importFile.error;

  const handleClose = () => {
    setFile(null);
    importFile.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={handleClose} title={t('importDialog.title')} size="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) importFile.mutate(file);
        }}
      >
        <Stack>
          <Text size="sm">{t('importDialog.intro')}</Text>
          <FileInput
            label={t('importDialog.file')}
            placeholder={t('importDialog.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(value) => {
              setFile(value);
              importFile.reset();
            }}
            clearable
            required
            description={t('importDialog.downloadTemplate')}
          />
          {imported && (
            <Alert color="green" role="status">
              {t('importDialog.success', { count: imported.created + imported.updated })}
              {imported.createdOrganisations.length > 0 &&
                ` ${t('importDialog.createdOrganisations', { names: imported.createdOrganisations.join(', ') })}`}
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert" title={t('app.errorTitle')}>
              {failure.message}
            </Alert>
          )}
          {rowErrors.length > 0 && (
            <Alert color="red" role="alert" title={t('importDialog.errorsTitle')}>
              <Table.ScrollContainer minWidth={480} mah={320}>
                <Table striped withTableBorder data-testid="import-errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('importDialog.row')}</Table.Th>
                      <Table.Th w={160}>{t('importDialog.column')}</Table.Th>
                      <Table.Th>{t('importDialog.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rowErrors.map((error) => (
                      <Table.Tr key={`${error.row}-${error.column}-${error.message}`}>
                        <Table.Td>{error.row ?? t('app.none')}</Table.Td>
                        <Table.Td>{error.column}</Table.Td>
                        <Table.Td>{error.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={handleClose}>
              {t('app.close')}
            </Button>
            <Button type="submit" disabled={!file} loading={importFile.isPending}>
              {t('importDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
