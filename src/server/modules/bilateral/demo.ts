/** Demo data of the bilateral knowledge base (`demo/tt2050-bilateral.json`), loaded idempotently. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, or } from 'drizzle-orm';
import type { TBilateralDatePrecision, TBilateralFactKind } from '../../../shared/enums.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { mediaItems } from '../press/index.ts';
import { bilateralFacts } from './tables.ts';

export const BILATERAL_DEMO_FILE = fileURLToPath(new URL('./demo/tt2050-bilateral.json', import.meta.url));

interface TDemoFact {
  kind: TBilateralFactKind;
  title: string;
  date: string;
  datePrecision?: TBilateralDatePrecision;
  summary?: string;
  parties?: string[];
  people?: string[];
  level?: string;
  direction?: string;
  place?: string;
  sectors?: string[];
  value?: number;
  currency?: string;
  unit?: string;
  sourceUrl?: string;
}

/**
 * Adds the demo facts to a mission, each linked to the mission's clipping with the same URL when
 * there is one. A fact already there (same kind, title and date) is left alone.
 * @returns how many were added
 */
export async function loadBilateralDemo(
  db: DbOrTx,
  options: { missionId: string; file?: string },
): Promise<number> {
  const { facts } = JSON.parse(readFileSync(options.file ?? BILATERAL_DEMO_FILE, 'utf8')) as {
    facts: TDemoFact[];
  };
  let added = 0;
  for (const fact of facts) {
    const [existing] = await db
      .select({ id: bilateralFacts.id })
      .from(bilateralFacts)
      .where(
        and(
          eq(bilateralFacts.missionId, options.missionId),
          eq(bilateralFacts.kind, fact.kind),
          eq(bilateralFacts.title, fact.title),
          eq(bilateralFacts.date, fact.date),
        ),
      );
    if (existing) continue;
    const [source] = fact.sourceUrl
      ? await db
          .select({ id: mediaItems.id })
          .from(mediaItems)
          .where(
            and(
              eq(mediaItems.missionId, options.missionId),
              or(eq(mediaItems.url, fact.sourceUrl), eq(mediaItems.canonicalUrl, fact.sourceUrl)),
            ),
          )
      : [];
    await db.insert(bilateralFacts).values({
      missionId: options.missionId,
      kind: fact.kind,
      title: fact.title,
      date: fact.date,
      datePrecision: fact.datePrecision ?? 'day',
      summary: fact.summary ?? null,
      parties: fact.parties ?? [],
      people: fact.people ?? [],
      level: fact.level ?? null,
      direction: fact.direction ?? null,
      place: fact.place ?? null,
      sectors: fact.sectors ?? [],
      value: fact.value ?? null,
      currency: fact.currency ?? null,
      unit: fact.unit ?? null,
      sourceMediaItemId: source?.id ?? null,
      sourceUrl: fact.sourceUrl ?? null,
    });
    added += 1;
  }
  return added;
}
