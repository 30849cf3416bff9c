import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_FORMATS } from '../../../../shared/enums.ts';

/** Downloads of the report for headquarters: PDF, DOCX, and the data as XLSX. */
export function ReportButtons({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('evaluation.report.title')}>
      {REPORT_FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={`/api/plans/${planId}/report.${format}?lang=${i18n.language}`}
          download
          variant={format === 'pdf' ? 'filled' : 'default'}
        >
          {t(`evaluation.report.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
