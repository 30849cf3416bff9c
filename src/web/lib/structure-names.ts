import { useTranslation } from 'react-i18next';
import { en } from './i18n/en.ts';

type TKind = 'focusArea' | 'vector';

/**
 * The name of a focus area or vector in the reader's language: the default ones (whose name
 * is still the English default) are translated, anything a plan named itself is shown as is.
 */
export function useStructureName() {
  const { t } = useTranslation();
  return (kind: TKind, item: { key?: string | null; name: string }): string => {
    const defaults = en.enums[kind] as Record<string, string>;
    const key = item.key ?? '';
    if (defaults[key] !== item.name) return item.name;
    return kind === 'focusArea'
      ? t(`enums.focusArea.${key as keyof typeof en.enums.focusArea}`)
      : t(`enums.vector.${key as keyof typeof en.enums.vector}`);
  };
}
