/**
 * The layout's rules, as a function over (file → source): which file may import which. Used by
 * `test/architecture.test.ts` on the repository, and by its own tests on small made-up trees
 * (so that a broken rule is seen to fail). Only relative imports are read: packages are not the
 * layout's business.
 */
import { posix } from 'node:path';

export interface ILayoutRules {
  /** Server module → the modules it may use (through their index.ts). */
  modules: Readonly<Record<string, readonly string[]>>;
  /** Web feature → the features it may use (through their index.ts). */
  features: Readonly<Record<string, readonly string[]>>;
}

export interface IImport {
  from: string;
  to: string;
  line: number;
}

const MODULES = 'src/server/modules/';
const FEATURES = 'src/web/features/';
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|\bexport\s+\*\s+from\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The relative imports of one file, resolved to repository paths, with their line numbers. */
export function importsOf(path: string, source: string): IImport[] {
  // Comments may hold examples of imports: blank them, keeping the line count.
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^[ \t]*\/\/.*$/gm, '');
  const found: IImport[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const line = code.slice(0, match.index).split('\n').length;
    found.push({ from: path, to: posix.normalize(posix.join(posix.dirname(path), match[1]!)), line });
  }
  return found;
}

type TZone =
  | { kind: 'shared' }
  | { kind: 'platform' }
  | { kind: 'module'; name: string }
  | { kind: 'feature'; name: string }
  | { kind: 'web' }
  | { kind: 'composition' };

function zoneOf(path: string): TZone {
  if (path.startsWith('src/shared/')) return { kind: 'shared' };
  if (path.startsWith('src/server/platform/')) return { kind: 'platform' };
  if (path.startsWith(MODULES) && path.slice(MODULES.length).includes('/'))
    return { kind: 'module', name: path.slice(MODULES.length).split('/')[0]! };
  if (path.startsWith(FEATURES) && path.slice(FEATURES.length).includes('/'))
    return { kind: 'feature', name: path.slice(FEATURES.length).split('/')[0]! };
  if (path.startsWith('src/web/')) return { kind: 'web' };
  return { kind: 'composition' };
}

const isTest = (path: string) => /\.(test|fixture)\.tsx?$/.test(path) || path.startsWith('test/');
const isHarness = (path: string) => path.startsWith('test/helpers/');

/** The one file through which `name` (a module or a feature) is used from outside. */
const surfaceOf = (root: string, name: string) => `${root}${name}/index.ts`;

/** Breaks one rule: the file, the line, and what to do instead. */
function violation(at: IImport, why: string): string {
  return `${at.from}:${at.line} imports ${at.to}: ${why}`;
}

/** The cycles of a dependency table, each as a path `a → b → a`. */
export function cyclesOf(graph: Readonly<Record<string, readonly string[]>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph[node] ?? []) walk(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of Object.keys(graph)) walk(node, []);
  return cycles;
}

/**
 * Every broken rule of the layout, as readable lines (empty when the layout holds):
 * - `src/shared/` imports nothing else of ours;
 * - the platform (`src/server/platform/`) imports only itself and `src/shared/`;
 * - a module imports its own files, the platform, `src/shared/`, and another module only
 *   through that module's `index.ts` when the table allows it; never its own `index.ts`
 *   (where it registers with others), never the composition (app, routes, demo, schema);
 * - everything else of the server (app, CLI, tests, bench) uses a module only through its
 *   `index.ts` (or its `tables.ts`, which the schema barrel lists); the web app imports nothing
 *   of the server;
 * - a web feature uses another only through its `index.ts` when the table allows it;
 * - tests (and their shared `*.fixture.ts` setups) may also use the harness in `test/helpers/`;
 * - the tables have no cycles, and every arrow they list is used.
 */
export function layoutViolations(files: ReadonlyMap<string, string>, rules: ILayoutRules): string[] {
  const problems: string[] = [];
  for (const [table, graph] of [
    ['modules', rules.modules],
    ['features', rules.features],
  ] as const) {
    for (const cycle of cyclesOf(graph)) problems.push(`the ${table} table has a cycle: ${cycle}`);
  }
  const used = new Set<string>();
  for (const [path, source] of files) {
    const from = zoneOf(path);
    for (const at of importsOf(path, source)) {
      const to = zoneOf(at.to);
      if (isTest(path) && isHarness(at.to)) continue;
      if (from.kind === 'shared' && to.kind !== 'shared') {
        problems.push(violation(at, 'src/shared/ is used by the server and the web app and imports neither'));
      } else if (from.kind === 'platform' && to.kind !== 'platform' && to.kind !== 'shared') {
        problems.push(violation(at, 'the platform knows no module: let the module register with it'));
      } else if (from.kind === 'module') {
        if (to.kind === 'module' && to.name === from.name) {
          if (at.to === surfaceOf(MODULES, from.name))
            problems.push(violation(at, "a module's own files import each other, not its index.ts"));
        } else if (to.kind === 'module') {
          const allowed: readonly string[] = rules.modules[from.name] ?? [];
          if (!allowed.includes(to.name))
            problems.push(
              violation(at, `${from.name} may not use ${to.name} (src/server/modules/dependencies.ts)`),
            );
          else if (at.to !== surfaceOf(MODULES, to.name))
            problems.push(violation(at, `use ${surfaceOf(MODULES, to.name)}, ${to.name}'s public surface`));
          used.add(`modules:${from.name}→${to.name}`);
        } else if (to.kind !== 'platform' && to.kind !== 'shared') {
          problems.push(violation(at, 'a module uses only the platform, src/shared/ and other modules'));
        }
      } else if (from.kind === 'feature') {
        if (to.kind === 'feature' && to.name !== from.name) {
          const allowed: readonly string[] = rules.features[from.name] ?? [];
          if (!allowed.includes(to.name))
            problems.push(
              violation(at, `${from.name} may not use ${to.name} (src/web/features/dependencies.ts)`),
            );
          else if (at.to !== surfaceOf(FEATURES, to.name))
            problems.push(violation(at, `use ${surfaceOf(FEATURES, to.name)}, ${to.name}'s public surface`));
          used.add(`features:${from.name}→${to.name}`);
        } else if (to.kind === 'platform' || to.kind === 'module' || to.kind === 'composition') {
          problems.push(violation(at, 'the web app talks to the server only through the API'));
        }
      } else if (from.kind === 'web') {
        if (to.kind === 'platform' || to.kind === 'module' || to.kind === 'composition')
          problems.push(violation(at, 'the web app talks to the server only through the API'));
      } else if (from.kind === 'composition' && to.kind === 'module') {
        // The schema barrel (for drizzle-kit and tests) lists every module's tables.
        if (at.to !== surfaceOf(MODULES, to.name) && !/(^|-)tables\.ts$/.test(posix.basename(at.to)))
          problems.push(violation(at, `use ${surfaceOf(MODULES, to.name)}, ${to.name}'s public surface`));
      }
    }
  }
  for (const [table, graph] of [
    ['modules', rules.modules],
    ['features', rules.features],
  ] as const) {
    for (const [from, targets] of Object.entries(graph)) {
      for (const to of targets) {
        if (!used.has(`${table}:${from}→${to}`))
          problems.push(`the ${table} table lets ${from} use ${to}, but no import does: remove the arrow`);
      }
    }
  }
  return problems;
}
