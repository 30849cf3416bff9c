/**
 * Sentences the server composes in English, worded in the user's language from their code and
 * parameters (`serverTexts` in the i18n files). When a code is unknown (an older server, a new
 * kind of reason) the server's English text is shown as it is.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.ts';

type TParams = Record<string, unknown>;

export interface TSuggestionReasonView {
  kind: string;
  text: string;
  params?: {
    tag?: string;
    level?: number;
    initiativeType?: string;
    focusAreaKey?: string;
    languages?: string[];
    owned?: number;
    capacity?: number | null;
  };
}

export interface TCodedText {
  code: string;
  params?: TParams;
  text: string;
}

type TMessage = { key: string; params: Record<string, string | number> };

export interface TAgendaTitleView {
  title: string;
  message?: TMessage | null;
  detail?: string | null;
  detailMessages?: TMessage[] | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A competence tag as people read it: `media_relations` → "media relations" (tags are not translated). */
const tagLabel = (tag: string) => tag.replaceAll('_', ' ');

/** What wording needs: i18next's `t` and `exists`, and the language's number and day formats. */
export interface TServerTextsDeps {
  t: (key: string, options?: TParams) => string;
  exists: (key: string) => boolean;
  number: (value: number) => string;
  day: (isoDate: string) => string;
}

/** Words the server's sentences in the current language (inside components: `useServerTexts`). */
export function useServerTexts() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return createServerTexts({
    t: (key, options) => t(key as never, options as never) as unknown as string,
    exists: (key) => i18n.exists(key),
    number: format.number,
    day: format.day,
  });
}

/** The wording functions for a language; pure, given its `t` and formats. */
export function createServerTexts(deps: TServerTextsDeps) {
  const format = { number: deps.number, day: deps.day };
  // Keys built from codes are checked at run time (`exists`), not by the key types.
  const tr = (key: string, params?: TParams) => deps.t(key, params);
  const has = (key: string) => deps.exists(key);

  /** "music (level 3) fits the type “Concert”", "speaks KK and RU, …", "owns 0 of 7: room for 7 more". */
  function suggestionReason(reason: TSuggestionReasonView): string {
    const p = reason.params;
    if (!p) return reason.text;
    const competence =
      p.tag !== undefined && p.level !== undefined ? { tag: tagLabel(p.tag), level: p.level } : null;
    switch (reason.kind) {
      case 'type':
        if (!competence || !p.initiativeType) return reason.text;
        return tr('serverTexts.suggestion.type', {
          ...competence,
          type: has(`enums.initiativeType.${p.initiativeType}`)
            ? tr(`enums.initiativeType.${p.initiativeType}`)
            : tagLabel(p.initiativeType),
        });
      case 'focus_area':
        if (!competence || !p.focusAreaKey) return reason.text;
        return tr('serverTexts.suggestion.focusArea', {
          ...competence,
          area: has(`enums.focusArea.${p.focusAreaKey}`)
            ? tr(`enums.focusArea.${p.focusAreaKey}`)
            : tagLabel(p.focusAreaKey),
        });
      case 'keyword':
        return competence ? tr('serverTexts.suggestion.keyword', competence) : reason.text;
      case 'language': {
        if (!p.languages?.length) return reason.text;
        const codes = p.languages.map((l) => l.toUpperCase());
        const languages =
          codes.length === 1
            ? codes[0]
            : `${codes.slice(0, -1).join(', ')}${tr('serverTexts.and')}${codes.at(-1)}`;
        return tr('serverTexts.suggestion.language', { count: codes.length, languages });
      }
      case 'capacity':
      case 'load': {
        if (p.owned === undefined || p.capacity === undefined) return reason.text;
        const owned = format.number(p.owned);
        if (p.capacity === null) return tr('serverTexts.suggestion.capacityUnset', { owned });
        const capacity = format.number(p.capacity);
        if (p.owned >= p.capacity) return tr('serverTexts.suggestion.atCapacity', { owned, capacity });
        return tr('serverTexts.suggestion.load', {
          owned,
          capacity,
          room: format.number(p.capacity - p.owned),
        });
      }
      default:
        return reason.text;
    }
  }

  /** A message's parameters as shown: days (`YYYY-MM-DD`) in the current language. */
  const shown = (params: TMessage['params']) =>
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        typeof v === 'string' && ISO_DAY.test(v) ? format.day(v) : v,
      ]),
    );
  /** Whether a message can be worded: its key, or for a count its plural forms, exist. */
  const known = (m: TMessage) =>
    has(`serverTexts.${m.key}`) || (typeof m.params.count === 'number' && has(`serverTexts.${m.key}_other`));

  /** An agenda item's title: its message in the current language, else the server's title. */
  function agendaTitle(item: TAgendaTitleView): string {
    if (!item.message || !known(item.message)) return item.title;
    return tr(`serverTexts.${item.message.key}`, shown(item.message.params));
  }

  /** An agenda item's detail: its messages in the current language joined by " · ", else the server's detail. */
  function agendaDetail(item: TAgendaTitleView): string | null {
    const messages = item.detailMessages;
    if (!messages?.length || !messages.every(known)) return item.detail ?? null;
    return messages.map((m) => tr(`serverTexts.${m.key}`, shown(m.params))).join(' · ');
  }

  /** Why a proposal is not a candidate: "Feasibility mean 2 is below 3". */
  function selectionReason(reason: TCodedText): string {
    const key = `serverTexts.selection.${reason.code}`;
    if (!has(key)) return reason.text;
    const p = reason.params ?? {};
    const criterion = typeof p.criterion === 'string' ? p.criterion : '';
    return tr(key, {
      criterion: has(`scoring.criteria.${criterion}`) ? tr(`scoring.criteria.${criterion}`) : criterion,
      value: typeof p.value === 'number' ? format.number(p.value) : '',
      min: typeof p.min === 'number' ? format.number(p.min) : '',
    });
  }

  /** Why a clipping is suggested for an initiative: "organisation: Astana Opera", "published 3 days from its dates". */
  function linkReason(reason: TCodedText): string {
    const p = reason.params ?? {};
    if (reason.code === 'date_distance') {
      return typeof p.days === 'number'
        ? tr('serverTexts.pressLink.date_distance', { count: p.days })
        : reason.text;
    }
    const key = `serverTexts.pressLink.${reason.code}`;
    return has(key) ? tr(key, { name: p.name ?? '' }) : reason.text;
  }

  return { suggestionReason, agendaTitle, agendaDetail, selectionReason, linkReason };
}
