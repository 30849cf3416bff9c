/**
 * Which module may use which: the one direction of every arrow between the server's modules.
 * A module imports another only through its `index.ts`, and only if it is listed here; the
 * lists form no cycle. `test/architecture.test.ts` reads every import and holds the code to
 * this table, and this table to the code (an arrow listed here but not used fails too, so the
 * map in docs/ARCHITECTURE.md stays true).
 *
 * Lower modules never read higher ones: a higher module that adds to a lower one's view
 * registers with it from its own `index.ts` (agenda sources with monitoring, initiative write
 * hooks and counts with initiatives and plans, participation with partners).
 */
export const MODULE_DEPENDENCIES = {
  missions: [],
  plans: ['missions'],
  partners: ['missions'],
  initiatives: ['missions', 'plans', 'partners'],
  selection: ['missions', 'plans', 'partners', 'initiatives'],
  monitoring: ['missions', 'plans', 'partners', 'initiatives', 'selection'],
  risks: ['missions', 'plans', 'partners', 'initiatives', 'monitoring'],
  communication: ['missions', 'plans', 'partners', 'initiatives', 'monitoring'],
  press: ['missions', 'partners', 'initiatives'],
  bilateral: ['missions', 'press'],
  results: ['missions', 'plans', 'partners', 'initiatives', 'press'],
  evaluation: ['missions', 'plans', 'partners', 'initiatives', 'monitoring', 'communication', 'results'],
} as const satisfies Record<string, readonly string[]>;

export type TModuleName = keyof typeof MODULE_DEPENDENCIES;
