import {
  IMPORTANCES,
  INITIATIVE_STATUSES,
  MEDIA_REFLECTIONS,
  type TImportance,
  type TInitiativeStatus,
  type TInitiativeType,
  type TMediaReflection,
} from '../../../../shared/enums.ts';
import { ZInitiativeFields } from '../../../../shared/schemas/initiative.ts';

// ---------------------------------------------------------------------------------------------
// Enumerations

const snake = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\-–]+/g, '_');

/** Italian (the annex's) and English labels for initiative types, in snake form. */
const TYPE_LABELS: Record<string, TInitiativeType> = {
  mostra: 'exhibition',
  mostra_digitale: 'exhibition',
  concerto: 'concert',
  concerto_lirico: 'concert',
  master_class: 'masterclass',
  b2b: 'b2b_meeting',
  sfilata: 'fashion_show',
  sfilata_di_moda: 'fashion_show',
  show_moda: 'fashion_show',
  evento_istituzionale: 'institutional_event',
  diplomazia_pubblica: 'public_diplomacy',
  iniziativa_public_diplomacy: 'public_diplomacy',
  modulo_formativo: 'training_module',
  formazione: 'training_module',
  conferenza: 'conference',
  seminario: 'seminar',
  evento_promozione: 'promotion_event',
  evento_di_promozione: 'promotion_event',
  evento_promozionale: 'promotion_event',
  spettacolo: 'performance',
  spettacolo_teatrale: 'performance',
  lancio: 'launch',
  pubblicazione: 'publication',
  altro: 'other',
};

const MEDIA_LABELS: Record<string, TMediaReflection> = {
  low: 'low',
  basso: 'low',
  bassa: 'low',
  medium: 'medium',
  medio: 'medium',
  media: 'medium',
  medium_high: 'medium_high',
  medio_alto: 'medium_high',
  media_alta: 'medium_high',
  high: 'high',
  elevato: 'high',
  elevata: 'high',
  alto: 'high',
  alta: 'high',
  very_high: 'very_high',
  molto_elevato: 'very_high',
  molto_elevata: 'very_high',
  molto_alto: 'very_high',
  molto_alta: 'very_high',
};

export type TCellResult<T> = { value: T } | { error: string };

export const found = (message: string, cell: string) => {
  const shown = cell.trim();
  return `${message} (found "${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}")`;
};

/**
 * An initiative type from its value (`b2b_meeting`), English label (`B2B meeting`) or the
 * annex's Italian label (`Mostra`, `Evento promozione`), case-insensitive.
 */
export function parseTypeCell(cell: string): TCellResult<TInitiativeType> {
  const key = snake(cell);
  const candidate = TYPE_LABELS[key] ?? key;
  const parsed = ZInitiativeFields.shape.type.safeParse(candidate);
  if (parsed.success) return { value: parsed.data };
  return { error: found(parsed.error.issues[0]!.message, cell) };
}

/** A media reflection from its value or the Italian/English labels; empty → null. */
export function parseMediaReflectionCell(cell: string): TCellResult<TMediaReflection | null> {
  if (!cell.trim()) return { value: null };
  const value = MEDIA_LABELS[snake(cell)];
  if (value) return { value };
  return {
    error: found(
      `must be one of ${MEDIA_REFLECTIONS.join(', ')} or Basso, Medio, Medio-alto, Elevato, Molto elevato`,
      cell,
    ),
  };
}

/** A status (`in preparation` or `in_preparation`); empty → undefined (the default or unchanged). */
export function parseStatusCell(cell: string): TCellResult<TInitiativeStatus | undefined> {
  if (!cell.trim()) return { value: undefined };
  const parsed = ZInitiativeFields.shape.status.safeParse(snake(cell));
  return parsed.success
    ? { value: parsed.data }
    : { error: found(`must be one of ${INITIATIVE_STATUSES.join(', ')}`, cell) };
}

/** Importance; empty → undefined (the default or unchanged). */
export function parseImportanceCell(cell: string): TCellResult<TImportance | undefined> {
  if (!cell.trim()) return { value: undefined };
  const parsed = ZInitiativeFields.shape.importance.safeParse(snake(cell));
  return parsed.success
    ? { value: parsed.data }
    : { error: found(`must be one of ${IMPORTANCES.join(', ')}`, cell) };
}

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * Partner names in an "actors involved" cell, separated by " / ", ";" or line breaks (not by
 * commas or dashes: names such as "Museo del Violino, Cremona" contain them).
 * @example splitActors('Fondazione Torino Musei / Partner locali; ENI') // ['Fondazione Torino Musei', 'Partner locali', 'ENI']
 */
export function splitActors(cell: string): string[] {
  return unique(cell.split(/\s+\/\s+|;|\r?\n/).map(tidy));
}

/** Items of a list cell (vectors, cities), separated by ";" or ",". */
export function splitList(cell: string): string[] {
  return unique(cell.split(/[;,\r\n]/).map(tidy));
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Without empties and case-insensitive duplicates, first spelling kept. */
export function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = item.toLowerCase();
    if (!item || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Case- and space-insensitive comparison key for names. */
export const nameKey = (name: string) => tidy(name).toLowerCase();
