/**
 * The weekly meeting's agenda is composed from pluggable sources: each module (monitoring,
 * risks, communication…) contributes the items it knows about for the meeting's date. A source
 * reads only the plan's mission data and never writes.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';

export type TAgendaSeverity = 'info' | 'warning' | 'danger';

/**
 * A sentence the server composes, for an interface to word in its own language: `key` names it
 * (the web app reads `serverTexts.<key>`), `params` fill its placeholders.
 */
export interface IAgendaMessage {
  key: string;
  params: Record<string, string | number>;
}

export interface IAgendaItem {
  /** The source's key, e.g. `initiatives.starting`, `communication.overdue`. */
  source: string;
  /** In English (the minutes and API clients use it). */
  title: string;
  /** The title as a message, when it is a sentence rather than data. */
  message?: IAgendaMessage | null;
  /** In English. */
  detail?: string | null;
  /** The detail as messages to join with " · ", when it is made of sentences rather than data. */
  detailMessages?: IAgendaMessage[] | null;
  /** ISO date the item is due or happens, if it has one. */
  dueDate?: string | null;
  initiativeId?: string | null;
  severity: TAgendaSeverity;
}

export interface IAgendaContext {
  missionId: string;
  planId: string;
  /** ISO date of the meeting (in the mission's time zone). */
  meetingDate: string;
  /** The mission's IANA time zone, e.g. `Asia/Almaty`. */
  timeZone: string;
}

export interface IAgendaSource {
  key: string;
  /** Heading of the agenda section, as an i18n key or plain English. */
  label: string;
  collect(db: DbOrTx, context: IAgendaContext): Promise<IAgendaItem[]>;
}
