/**
 * Demo clippings of the press review (`demo/tt2050-press.json`), written in our own words from
 * the facts of seeds 001 and 002. Loaded with the demo plan; loading twice adds nothing (the
 * clippings' URLs are unique in the mission).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbOrTx } from '../../platform/db/client.ts';
import { loadEntityCandidates } from './press.ts';
import { analyseClipping, normaliseUrl, sha256, textHash } from './review/analyse.ts';
import { mediaItems } from './tables.ts';

export const PRESS_DEMO_FILE = fileURLToPath(new URL('./demo/tt2050-press.json', import.meta.url));

interface TDemoClipping {
  outlet: string;
  url: string;
  publishedAt: string;
  title: string;
  text: string;
}

/**
 * Adds the demo clippings to a mission (analysed like any other clipping).
 * @returns how many were added
 */
export async function loadPressDemo(
  db: DbOrTx,
  options: { missionId: string; file?: string },
): Promise<number> {
  const { clippings } = JSON.parse(readFileSync(options.file ?? PRESS_DEMO_FILE, 'utf8')) as {
    clippings: TDemoClipping[];
  };
  const candidates = await loadEntityCandidates(db, options.missionId);
  let added = 0;
  for (const clipping of clippings) {
    const analysis = analyseClipping(
      { text: clipping.text, url: clipping.url, title: clipping.title },
      candidates,
    );
    const canonical = normaliseUrl(clipping.url);
    const rows = await db
      .insert(mediaItems)
      .values({
        missionId: options.missionId,
        sourceKind: 'url',
        url: clipping.url,
        canonicalUrl: canonical,
        urlHash: canonical ? sha256(canonical) : null,
        textHash: textHash(analysis.text),
        title: clipping.title,
        publishedAt: new Date(`${clipping.publishedAt}T00:00:00Z`),
        outlet: clipping.outlet,
        language: analysis.language,
        text: analysis.text,
        excerpt: analysis.excerpt,
        entities: analysis.entities,
        figures: analysis.figures,
        tone: analysis.tone,
        toneScore: analysis.toneScore,
      })
      .onConflictDoNothing()
      .returning({ id: mediaItems.id });
    added += rows.length;
  }
  return added;
}
