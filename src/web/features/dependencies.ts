/**
 * Which feature of the web app may use which: a feature imports another only through its
 * `index.ts`, and only if it is listed here; the lists form no cycle. Checked, both ways, by
 * `test/architecture.test.ts`. The app shell (`src/web/app/`) composes the features and may
 * use any of them.
 */
export const FEATURE_DEPENDENCIES = {
  auth: [],
  missions: [],
  plans: [],
  organisations: [],
  team: ['auth'],
  initiatives: [],
  proposals: ['auth', 'organisations', 'plans'],
  monitoring: ['auth'],
  risks: ['auth', 'initiatives', 'plans', 'team'],
  communication: [],
  'communication-procedure': ['auth'],
  bilateral: ['auth'],
  press: ['auth', 'bilateral', 'initiatives'],
  evaluation: ['plans'],
  results: ['auth', 'communication', 'evaluation', 'plans'],
} as const satisfies Record<string, readonly string[]>;
