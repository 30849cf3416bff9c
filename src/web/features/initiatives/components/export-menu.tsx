import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Downloads the plan's initiatives as CSV or XLSX (the same columns the import reads). */
export function ExportMenu({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') =>
    `/api/plans/${encodeURIComponent(planId)}/initiatives/export?format=${format}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('initiatives.export')} ▾</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv')} download>
          {t('initiatives.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download>
          {t('initiatives.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
