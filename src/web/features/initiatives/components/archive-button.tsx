import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useArchiveInitiative } from '../api/initiatives.ts';

/** Archive with a confirmation; nothing is deleted, and a stale version is refused by the server. */
export function ArchiveButton({
  initiative,
}: {
  initiative: { id: string; planId: string; version: number };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, { open, close }] = useDisclosure(false);
  const archive = useArchiveInitiative(initiative.id);

  const handleConfirm = () => {
    archive.mutate(initiative.version, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('initiative.archived') });
        void navigate(`/plans/${initiative.planId}/initiatives`);
      },
    });
  };

  return (
    <>
      <Button variant="default" color="red" onClick={open}>
        {t('initiative.archive')}
      </Button>
      <Modal opened={isOpen} onClose={close} title={t('initiative.archiveTitle')} centered>
        <Text size="sm">{t('initiative.archiveText')}</Text>
        {archive.error && (
          <Alert color="red" mt="md" role="alert">
            {archive.error.message}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={handleConfirm} loading={archive.isPending}>
            {t('initiative.archiveConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
