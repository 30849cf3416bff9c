import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/enums.ts';
import { isLocale } from '../lib/i18n/index.ts';

/** Chooses the interface language; the choice is remembered on this device. */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={t('nav.language')}
      size={compact ? 'xs' : 'sm'}
      w={compact ? 130 : undefined}
      allowDeselect={false}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      value={i18n.language}
      onChange={(value) => {
        if (isLocale(value)) void i18n.changeLanguage(value);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
