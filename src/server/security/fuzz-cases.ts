/**
 * The fuzz test's request generator: from each operation's schema, a valid-ish request mutated
 * with one of the classes of input known to break servers (NUL and control characters, lone
 * surrogates, numbers beyond a column, extreme dates, blank keys, over-long text, wrong types,
 * missing and extra fields, malformed JSON, a malformed Origin, path parameters that are not
 * UUIDs). The randomness comes from fast-check under a fixed seed, so a run is reproducible.
 */
import type { TFixture } from './fixture.ts';
import { fillPath } from './fixture.ts';
import type { TJsonSchema, TOperation } from './openapi-operations.ts';
import { buildQuery, fixtureFill, sampleUpload, validBody } from './requests.ts';
import { flatten, sampleValid, typesOf } from './schema-sample.ts';

export const FUZZ_CLASSES = [
  'nul',
  'control-character',
  'lone-surrogate',
  'huge-number',
  'fractional-integer',
  'extreme-date',
  'blank-key',
  'over-long-string',
  'wrong-type',
  'missing-required',
  'extra-field',
  'malformed-json',
  'malformed-origin',
  'bad-path-param',
  'bad-query-param',
] as const;
export type TFuzzClass = (typeof FUZZ_CLASSES)[number];

export interface TFuzzCase {
  op: TOperation;
  fuzzClass: TFuzzClass;
  path: string;
  method: string;
  headers: Record<string, string>;
  /** The raw body sent (JSON text, or a form). */
  body?: string | FormData;
  /** What was mutated, for the report. */
  detail: string;
}

/** Numbers fast-check picks from: `noise[k] % n` chooses the k-th decision. */
export type TNoise = number[];
const pick = <T>(items: readonly T[], noise: TNoise, k: number): T => items[(noise[k] ?? 0) % items.length]!;
/** The `run`-th sample of a class takes the next leaf, so that runs cover different fields. */
const pickLeaf = <T>(items: readonly T[], noise: TNoise, run: number): T =>
  items[((noise[1] ?? 0) + run) % items.length]!;

type TLeaf = { path: (string | number)[]; schema: TJsonSchema; value: unknown; name: string };

/** Every leaf (string, number, boolean, null) of `value`, with its schema. */
function leaves(value: unknown, schema: TJsonSchema, path: (string | number)[] = [], name = ''): TLeaf[] {
  const flat = flatten(schema);
  if (Array.isArray(value))
    return value.flatMap((item, i) => leaves(item, flat.items ?? {}, [...path, i], name));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) =>
      leaves(child, flat.properties?.[key] ?? {}, [...path, key], key),
    );
  return [{ path, schema: flat, value, name }];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path.at(-1)!];
  return copy;
}

const CONTROL = ['\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u2028'];
const HUGE = [1e308, -1e308, 9007199254740992, -9007199254740992, 2147483648];
const DATES = ['9999-12-31', '0000-01-01', '9999-12-31T23:59:59.000Z', '0000-01-01T00:00:00.000Z'];
const BAD_IDS = [
  'not-a-uuid',
  '1',
  '%00',
  "'%20or%201=1",
  '..%2F..',
  'x'.repeat(300),
  '00000000-0000-0000-0000-00000000000g',
];
const BAD_QUERY = ['\u0000', '1e308', '-1', '9999-12-31', '0000-01-01', 'not-a-uuid', ' ', 'x'.repeat(5000)];
const MALFORMED_JSON = [
  '{"a":',
  '{"title": "x",}',
  "{'title': 'x'}",
  '[',
  'null',
  '"text"',
  '\u0000',
  '{"a":1}{"b":2}',
];
const KEY_NAME = /(^key$|Key$|^slug$|^acronym$|^code$|^hashtag$|^name$|^title$|^email$)/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

const isString = (leaf: TLeaf) => typeof leaf.value === 'string';

/** Whether a class applies to the operation (a body class needs a body …). */
export function applies(op: TOperation, fuzzClass: TFuzzClass, fixture: TFixture): boolean {
  const hasPathParams = op.parameters.some((p) => p.in === 'path');
  const hasQuery = op.parameters.some((p) => p.in === 'query');
  const body = op.jsonBody ? full(fixture, op) : undefined;
  const all = body === undefined ? [] : leaves(body, op.jsonBody!);
  switch (fuzzClass) {
    case 'malformed-origin':
      return op.method !== 'GET';
    case 'bad-path-param':
      return hasPathParams;
    case 'bad-query-param':
      return hasQuery;
    case 'malformed-json':
    case 'extra-field':
    case 'wrong-type':
      return op.jsonBody !== undefined;
    case 'missing-required':
      return (flatten(op.jsonBody ?? {}).required ?? []).length > 0;
    case 'huge-number':
      return all.some((l) => typeof l.value === 'number');
    case 'fractional-integer':
      return all.some((l) => typesOf(l.schema).includes('integer'));
    case 'extreme-date':
      return all.some((l) => isString(l) && DATE_LIKE.test(l.value as string));
    case 'blank-key':
      return all.some((l) => isString(l) && KEY_NAME.test(l.name));
    default:
      return all.some(isString) || op.multipartBody !== undefined;
  }
}

/** The fuzz base: every property filled (so that every text field can carry the mutation). */
function full(fixture: TFixture, op: TOperation): unknown {
  const base = sampleValid(op.jsonBody ?? {}, { fill: fixtureFill(fixture), isFull: true });
  const valid = validBody(fixture, op);
  return base && typeof base === 'object' && valid && typeof valid === 'object'
    ? { ...base, ...valid }
    : base;
}

function mutateBody(
  fuzzClass: TFuzzClass,
  body: unknown,
  schema: TJsonSchema,
  noise: TNoise,
  run: number,
): [unknown, string] {
  const all = leaves(body, schema);
  const at = (leaf: TLeaf) => leaf.path.join('.') || '(body)';
  const strings = all.filter(isString);
  switch (fuzzClass) {
    case 'nul': {
      const leaf = pickLeaf(strings, noise, run);
      return [setAt(body, leaf.path, `${leaf.value}\u0000x`), `${at(leaf)} += \\u0000`];
    }
    case 'control-character': {
      const leaf = pickLeaf(strings, noise, run);
      const c = pick(CONTROL, noise, 2);
      return [
        setAt(body, leaf.path, `a${c}b`),
        `${at(leaf)} = "a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b"`,
      ];
    }
    case 'lone-surrogate': {
      const leaf = pickLeaf(strings, noise, run);
      return [setAt(body, leaf.path, '\ud800x'), `${at(leaf)} = "\\ud800x"`];
    }
    case 'huge-number': {
      const leaf = pickLeaf(
        all.filter((l) => typeof l.value === 'number'),
        noise,
        run,
      );
      const n = pick(HUGE, noise, 2);
      return [setAt(body, leaf.path, n), `${at(leaf)} = ${n}`];
    }
    case 'fractional-integer': {
      const leaf = pickLeaf(
        all.filter((l) => typesOf(l.schema).includes('integer')),
        noise,
        run,
      );
      return [setAt(body, leaf.path, 1.5), `${at(leaf)} = 1.5`];
    }
    case 'extreme-date': {
      const leaf = pickLeaf(
        strings.filter((l) => DATE_LIKE.test(l.value as string)),
        noise,
        run,
      );
      const isDateTime = (leaf.value as string).includes('T');
      const date = pick(DATES, noise, 2);
      const value = isDateTime ? (date.includes('T') ? date : `${date}T00:00:00.000Z`) : date.slice(0, 10);
      return [setAt(body, leaf.path, value), `${at(leaf)} = ${value}`];
    }
    case 'blank-key': {
      const leaf = pickLeaf(
        strings.filter((l) => KEY_NAME.test(l.name)),
        noise,
        run,
      );
      return [setAt(body, leaf.path, '   '), `${at(leaf)} = "   "`];
    }
    case 'over-long-string': {
      const leaf = pickLeaf(strings, noise, run);
      return [setAt(body, leaf.path, 'x'.repeat(100_000)), `${at(leaf)} = 100,000 × "x"`];
    }
    case 'wrong-type': {
      const leaf = pickLeaf(all, noise, run);
      const wrong =
        typeof leaf.value === 'string'
          ? pick([123, true, [], {}], noise, 2)
          : typeof leaf.value === 'number'
            ? pick(['12abc', true, [], {}, null], noise, 2)
            : pick(['yes', 0, [], {}], noise, 2);
      return [setAt(body, leaf.path, wrong), `${at(leaf)} = ${JSON.stringify(wrong)}`];
    }
    case 'missing-required': {
      const required = flatten(schema).required ?? [];
      const key = pickLeaf(required, noise, run);
      return [deleteAt(body, [key]), `without ${key}`];
    }
    case 'extra-field': {
      const extra = pick(
        [
          ['unexpected', 'x'],
          ['__proto__', { isAdmin: true }],
          ['missionId', '00000000-0000-4000-8000-000000000000'],
          ['id', '00000000-0000-4000-8000-000000000000'],
        ] as const,
        noise,
        1,
      );
      const withExtra = { ...(body as object) };
      Object.defineProperty(withExtra, extra[0], { value: extra[1], enumerable: true });
      return [withExtra, `+ ${extra[0]}: ${JSON.stringify(extra[1])}`];
    }
    default:
      return [body, 'valid body'];
  }
}

/** Builds the fuzz case for one operation, class and fast-check noise. */
export function buildFuzzCase(
  fixture: TFixture,
  op: TOperation,
  fuzzClass: TFuzzClass,
  noise: TNoise,
  origin: string,
  run = 0,
): TFuzzCase {
  const headers: Record<string, string> = { cookie: fixture.cookies.missionAdmin!, origin };
  let detail = '';
  let path = fillPath(fixture, op);
  const query = buildQuery(fixture, op);
  if (fuzzClass === 'bad-path-param') {
    const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const name = pick(names, noise, 1);
    const bad = pick(BAD_IDS, noise, 2);
    path = fillPath(fixture, op, { [name]: '__BAD__' }).replace('__BAD__', bad);
    detail = `{${name}} = ${bad.length > 40 ? `${bad.length} chars` : bad}`;
  }
  if (fuzzClass === 'bad-query-param') {
    const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const name = pick(names, noise, 1);
    const bad = pick(BAD_QUERY, noise, 2);
    query.set(name, bad);
    detail = `?${name}=${JSON.stringify(bad.length > 40 ? `${bad.length} chars` : bad)}`;
  }
  if (fuzzClass === 'malformed-origin') {
    headers.origin = pick(
      ['http://127.0.0.1:3000.evil.example', 'http://[::1', 'not a url', 'http://', 'https://evil.example'],
      noise,
      1,
    );
    detail = `Origin: ${headers.origin}`;
  }
  const search = query.toString();
  const url = path + (search ? `?${search}` : '');
  let body: string | FormData | undefined;
  if (op.jsonBody) {
    headers['content-type'] = 'application/json';
    if (fuzzClass === 'malformed-json') {
      body = pick(MALFORMED_JSON, noise, 1);
      detail = `body ${JSON.stringify(body)}`;
    } else {
      const [mutated, what] = mutateBody(fuzzClass, full(fixture, op), op.jsonBody, noise, run);
      body = JSON.stringify(mutated);
      if (!detail) detail = what;
    }
  } else if (op.multipartBody) {
    const form = sampleUpload(fixture, op);
    if (['nul', 'control-character', 'lone-surrogate', 'over-long-string'].includes(fuzzClass)) {
      const file = form.get('file') as File | null;
      const name = {
        nul: 'a\u0000b.csv',
        'control-character': 'a\u0007b.csv',
        'lone-surrogate': '\ud800.csv',
      }[fuzzClass as 'nul'];
      const content = fuzzClass === 'over-long-string' ? 'x'.repeat(100_000) : `name\n${name}\n`;
      if (file) form.set('file', new File([content], name ?? file.name, { type: file.type }));
      detail = `file ${JSON.stringify(name ?? file?.name)} with ${content.length} bytes`;
    }
    body = form;
  }
  return { op, fuzzClass, path: url, method: op.method, headers, body, detail };
}
