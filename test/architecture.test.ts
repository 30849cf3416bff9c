/**
 * The layout holds: modules and features depend on each other one way, through their public
 * surfaces (docs/ARCHITECTURE.md, "The module map"). Reads every import of the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_DEPENDENCIES } from '../src/server/modules/dependencies.ts';
import { FEATURE_DEPENDENCIES } from '../src/web/features/dependencies.ts';
import { cyclesOf, type ILayoutRules, importsOf, layoutViolations } from './architecture/layout-rules.ts';

const ROOT = join(import.meta.dirname, '..');

function sourcesUnder(folder: string, found = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) sourcesUnder(path, found);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      found.set(relative(ROOT, join(ROOT, path)), readFileSync(join(ROOT, path), 'utf8'));
  }
  return found;
}

const RULES: ILayoutRules = { modules: MODULE_DEPENDENCIES, features: FEATURE_DEPENDENCIES };

describe('the repository', () => {
  const files = new Map(['src', 'test', 'bench', 'scripts', 'e2e'].flatMap((d) => [...sourcesUnder(d)]));

  it('holds every layout rule', () => {
    expect(files.size).toBeGreaterThan(400);
    expect(layoutViolations(files, RULES)).toEqual([]);
  });

  it('has a folder for every module in the table, each with its index.ts, tables.ts and README.md', () => {
    const folders = readdirSync(join(ROOT, 'src/server/modules'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(Object.keys(MODULE_DEPENDENCIES).sort());
    for (const name of folders) {
      for (const file of ['index.ts', 'tables.ts', 'README.md'])
        expect(readdirSync(join(ROOT, 'src/server/modules', name)), `${name}/${file}`).toContain(file);
    }
  });

  it('has no layer folders left (commands, routes, policies, presenters, db, domain)', () => {
    const top = readdirSync(join(ROOT, 'src/server'));
    for (const layer of ['commands', 'routes', 'policies', 'presenters', 'db', 'agenda', 'reports', 'media'])
      expect(top).not.toContain(layer);
    expect(readdirSync(join(ROOT, 'src'))).not.toContain('domain');
  });
});

describe('layoutViolations', () => {
  const rules: ILayoutRules = {
    modules: { plans: [], initiatives: ['plans'] },
    features: { a: [], b: ['a'] },
  };
  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));
  const good = {
    'src/server/modules/plans/plans.ts': "import { x } from '../../platform/records.ts';",
    'src/server/modules/initiatives/initiatives.ts': "import { plans } from '../plans/index.ts';",
    'src/web/features/b/page.tsx': "import { useA } from '../a/index.ts';",
  };

  it('accepts a tree that keeps the rules', () => {
    expect(layoutViolations(tree(good), rules)).toEqual([]);
  });

  it('refuses a deep import into another module, with the file and line', () => {
    const problems = layoutViolations(
      tree({ ...good, 'src/server/modules/initiatives/io.ts': "\n\nimport { p } from '../plans/plans.ts';" }),
      rules,
    );
    expect(problems).toEqual([
      "src/server/modules/initiatives/io.ts:3 imports src/server/modules/plans/plans.ts: use src/server/modules/plans/index.ts, plans's public surface",
    ]);
  });

  it('refuses an arrow against the table, and an arrow the table lists but nobody uses', () => {
    const problems = layoutViolations(
      tree({
        'src/server/modules/plans/plans.ts': "import { i } from '../initiatives/index.ts';",
      }),
      rules,
    );
    expect(problems).toEqual([
      'src/server/modules/plans/plans.ts:1 imports src/server/modules/initiatives/index.ts: plans may not use initiatives (src/server/modules/dependencies.ts)',
      'the modules table lets initiatives use plans, but no import does: remove the arrow',
      'the features table lets b use a, but no import does: remove the arrow',
    ]);
  });

  it('refuses the platform reading a module, a module reading the app, and the web reading the server', () => {
    const problems = layoutViolations(
      tree({
        ...good,
        'src/server/platform/reports/logo.ts': "import type { T } from '../../modules/plans/index.ts';",
        'src/server/modules/plans/demo.ts': "import { app } from '../../app.ts';",
        'src/web/features/a/api.ts': "import type { TActor } from '../../../server/platform/context.ts';",
        'src/shared/enums.ts': "import { x } from '../server/config.ts';",
      }),
      rules,
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'src/server/platform/reports/logo.ts',
      'src/server/modules/plans/demo.ts',
      'src/web/features/a/api.ts',
      'src/shared/enums.ts',
    ]);
  });

  it("refuses a module importing its own index.ts, and a feature reaching into another's files", () => {
    const problems = layoutViolations(
      tree({
        ...good,
        'src/server/modules/plans/structure.ts': "import { plans } from './index.ts';",
        'src/web/features/b/list.tsx': "import { useA } from '../a/api/a.ts';",
      }),
      rules,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("a module's own files import each other, not its index.ts");
    expect(problems[1]).toContain("use src/web/features/a/index.ts, a's public surface");
  });

  it('lets the app use a module only through its index.ts, and tests use the harness', () => {
    const problems = layoutViolations(
      tree({
        ...good,
        'src/server/app.ts': "import { planRoutes } from './modules/plans/plans.routes.ts';",
        'src/server/modules/plans/plans.test.ts':
          "import { buildPlan } from '../../../../test/helpers/factories.ts';",
      }),
      rules,
    );
    expect(problems).toEqual([
      "src/server/app.ts:1 imports src/server/modules/plans/plans.routes.ts: use src/server/modules/plans/index.ts, plans's public surface",
    ]);
  });

  it('finds cycles in a table', () => {
    expect(cyclesOf({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a → b → c → a']);
    expect(cyclesOf({ a: ['b'], b: [], c: ['a', 'b'] })).toEqual([]);
    expect(layoutViolations(tree({}), { modules: { a: ['a'] }, features: {} })[0]).toBe(
      'the modules table has a cycle: a → a',
    );
  });

  it('reads imports of every form and not those in comments', () => {
    const source = [
      "import type { A } from './a.ts';",
      "import './side-effect.ts';",
      "export * from './b.ts';",
      'const c = await import("./c.ts");',
      "/** @example import { d } from './d.ts' */",
      "// import { e } from './e.ts';",
      'import {',
      '  f,',
      "} from '../f.ts';",
    ].join('\n');
    expect(importsOf('src/x/y.ts', source).map((i) => `${i.line} ${i.to}`)).toEqual([
      '1 src/x/a.ts',
      '2 src/x/side-effect.ts',
      '3 src/x/b.ts',
      '4 src/x/c.ts',
      '9 src/f.ts',
    ]);
  });
});
