/**
 * `softpower press extract FILE|URL` and `softpower press ingest URL|FILE|DIR`: the command-line
 * face of the press review. `extract` prints what the analysis finds and stores nothing; `ingest`
 * stores clippings in a mission as the system actor. Both use the pipeline of the API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { TDatabase } from '../../platform/db/client.ts';
import { createSystemActor, missions } from '../missions/index.ts';
import { loadEntityCandidates, type TIngestSource } from './press.ts';
import { ingestMediaItem } from './press-ingest.ts';
import { analyseClipping } from './review/analyse.ts';
import type { TEntityCandidate } from './review/entities.ts';
import { safeFetch } from './review/fetch.ts';

type TWithDatabase = <T>(work: (database: TDatabase) => Promise<T>) => Promise<T>;

const isUrl = (value: string) => /^https?:\/\//i.test(value);
const FILE_PATTERN = /\.(html?|xhtml|txt|text|md)$/i;

/** The files of a folder (not recursive) the press review reads, sorted by name. */
function filesOf(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => FILE_PATTERN.test(name))
    .sort()
    .map((name) => join(target, name));
}

function readTarget(target: string): { html?: string; text?: string; url?: string } {
  let content: string;
  try {
    content = readFileSync(target, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  return /\.x?html?$/i.test(target) ? { html: content } : { text: content };
}

async function missionIdOf(db: TDatabase['db'], slug: string): Promise<string> {
  const [mission] = await db.select({ id: missions.id }).from(missions).where(eq(missions.slug, slug));
  if (!mission) throw new Error(`No mission with slug "${slug}".`);
  return mission.id;
}

/** `press extract` and `press ingest` (see README, CLI reference). */
export function registerPressCommands(program: Command, withDatabase: TWithDatabase): void {
  const press = program.command('press').description('Press review: read and store clippings.');

  press
    .command('extract')
    .description(
      'Print what the press review finds in a page or text (title, author, date, outlet, language, text, entities, figures, tone), storing nothing. URLs are fetched with the same safety rules as the server.',
    )
    .argument('<source>', 'an .html or .txt file, or an http(s) URL')
    .option('--json', 'print JSON')
    .option('--mission <slug>', "also look for this mission's organisations, people, initiatives and places")
    .action(async (source: string, options: { json?: boolean; mission?: string }) => {
      const input = isUrl(source)
        ? await safeFetch(source).then((page) =>
            /html|xml/i.test(page.contentType)
              ? { html: page.body, url: page.url }
              : { text: page.body, url: page.url },
          )
        : readTarget(source);
      let candidates: TEntityCandidate[] = [];
      if (options.mission) {
        const slug = options.mission;
        candidates = await withDatabase(async ({ db }) =>
          loadEntityCandidates(db, await missionIdOf(db, slug)),
        );
      }
      const result = analyseClipping(input, candidates);
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      console.log(`Title:     ${result.title ?? '—'}`);
      console.log(`Author:    ${result.author ?? '—'}`);
      console.log(`Published: ${result.publishedAt ?? '—'}`);
      console.log(`Outlet:    ${result.outlet ?? '—'}`);
      console.log(`Language:  ${result.language ?? '—'}`);
      console.log(`Tone:      ${result.tone} (${result.toneScore})`);
      console.log(
        `Entities:  ${result.entities.map((e) => `${e.name} ×${e.mentions.length}`).join(', ') || '—'}`,
      );
      console.log(`Figures:   ${result.figures.map((f) => f.raw).join('; ') || '—'}`);
      console.log(`\n${result.text}`);
    });

  press
    .command('ingest')
    .description(
      'Store clippings in a mission: a URL, an .html/.txt file, or every such file of a folder. Duplicates (same address or same text) are reported, not stored twice.',
    )
    .argument('<sources...>', 'URLs, files or folders')
    .option('--mission <slug>', 'mission slug', 'it-astana')
    .action(async (sources: string[], options: { mission: string }) => {
      const targets = sources.flatMap((s) => (isUrl(s) ? [s] : filesOf(s)));
      if (targets.length === 0) throw new Error('No .html or .txt files to ingest.');
      await withDatabase(async ({ db }) => {
        const missionId = await missionIdOf(db, options.mission);
        const actor = await createSystemActor(db);
        const counts = { added: 0, duplicates: 0, failed: 0 };
        const isTty = Boolean(process.stderr.isTTY);
        for (const [index, target] of targets.entries()) {
          let source: TIngestSource;
          if (isUrl(target)) source = { kind: 'url', url: target };
          else {
            const content = readFileSync(target, 'utf8');
            source = { kind: 'file', filename: basename(target), content };
          }
          let outcome: string;
          try {
            const result = await ingestMediaItem(db, actor, { missionId, source });
            if (result.isDuplicate) {
              counts.duplicates++;
              outcome = 'duplicate';
            } else if (result.item.fetchStatus === 'failed') {
              counts.failed++;
              outcome = `failed (${result.item.fetchError})`;
            } else {
              counts.added++;
              outcome = `${result.item.language ?? '?'} · ${result.item.title ?? 'untitled'}`;
            }
          } catch (error) {
            counts.failed++;
            outcome = `failed (${(error as Error).message})`;
          }
          const line = `[${index + 1}/${targets.length}] ${Math.round(((index + 1) / targets.length) * 100)}% ${basename(target)}: ${outcome}`;
          process.stderr.write(isTty ? `\r\x1b[K${line}` : `${line}\n`);
        }
        if (isTty) process.stderr.write('\n');
        console.log(
          `Ingested ${targets.length} into ${options.mission}: ${counts.added} added, ${counts.duplicates} duplicates, ${counts.failed} failed.`,
        );
        if (counts.failed > 0) process.exitCode = 1;
      });
    });
}
