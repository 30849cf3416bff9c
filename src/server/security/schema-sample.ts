/**
 * A small generator of VALID values from the API's JSON schemas: required properties only (or
 * every property, for the fuzz test's base), the first value of an enum, a value of the right
 * format (uuid, date, date-time, email, uri) and length, ids taken from the fixture by name.
 */
import type { TJsonSchema } from './openapi-operations.ts';

export interface TSampleOptions {
  /** Fills a named value from the fixture (an id of mission A …); `undefined` lets the generator choose. */
  fill?: (name: string, schema: TJsonSchema) => unknown;
  /** Every property, not only the required ones. */
  isFull?: boolean;
}

const PATTERN_SAMPLES: Record<string, string> = {
  '^#[0-9A-Fa-f]{6}$': '#1F4E99',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '10:30',
  '^[A-Z]{2}$': 'KZ',
  '^[A-Z]{3}$': 'EUR',
  '^[\\w-]{1,60}$': 'sample-key',
  '^[a-z0-9][a-z0-9_-]{0,59}$': 'sample-key',
  '^[a-z][a-z0-9_]{0,59}$': 'sample_key',
  '^[a-z]{2,3}$': 'en',
  '^[a-z]{2}$': 'en',
  '^\\d{4}-(0[1-9]|1[0-2])$': '2022-05',
  '^https?:\\/\\/\\S+$/i': 'https://example.invalid/page',
};

const DATE_NAME =
  /(^date$|Date$|^from$|^to$|On$|^day$|^month$|^periodStart$|^periodEnd$|^baseline(From|To)$)/;
const DATE_TIME_NAME = /(At$|^at$|Time$)/;

/** The schema's own types, `null` last (a value is preferred to null). */
export function typesOf(schema: TJsonSchema): string[] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return [...types.filter((t) => t !== 'null'), ...types.filter((t) => t === 'null')];
}

/** The first non-null branch of anyOf/oneOf, allOf merged. */
export function flatten(schema: TJsonSchema): TJsonSchema {
  if (schema.allOf?.length) {
    const merged: TJsonSchema = { ...schema, allOf: undefined, properties: {}, required: [] };
    for (const part of schema.allOf) {
      const flat = flatten(part);
      Object.assign(merged, { ...flat, properties: merged.properties, required: merged.required });
      Object.assign(merged.properties!, flat.properties);
      merged.required!.push(...(flat.required ?? []));
    }
    return merged;
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) {
    const chosen =
      branches.find((b) => !typesOf(b).includes('null') || typesOf(b).length > 1) ?? branches[0]!;
    const { anyOf: _a, oneOf: _o, ...rest } = schema;
    return flatten({ ...rest, ...chosen });
  }
  return schema;
}

function sampleString(schema: TJsonSchema, name: string): string {
  if (schema.pattern) {
    const known = PATTERN_SAMPLES[schema.pattern];
    if (known) return known;
  }
  const format = schema.format;
  let value: string;
  if (format === 'uuid') value = '00000000-0000-4000-8000-000000000000';
  else if (format === 'email') value = 'sample@example.org';
  else if (format === 'uri' || format === 'url' || /url$/i.test(name)) value = 'https://example.invalid/page';
  else if (format === 'date-time' || DATE_TIME_NAME.test(name)) value = '2022-05-10T10:00:00.000Z';
  else if (format === 'date' || DATE_NAME.test(name)) value = '2022-05-10';
  else value = 'Sample';
  const min = schema.minLength ?? 0;
  if (value.length < min) value = value.padEnd(min, 'x');
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    value = value.slice(0, Math.max(schema.maxLength, min));
  return value;
}

function sampleNumber(schema: TJsonSchema, isInteger: boolean): number {
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  let value = schema.minimum ?? (exclusiveMin !== undefined ? exclusiveMin + 1 : 1);
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return isInteger ? Math.ceil(value) : value;
}

/** A valid value for `schema`; `name` is the property's name (dates, ids and urls are named). */
export function sampleValid(schema: TJsonSchema, options: TSampleOptions = {}, name = ''): unknown {
  const flat = flatten(schema);
  if (name && options.fill) {
    const filled = options.fill(name, flat);
    if (filled !== undefined) return filled;
  }
  if (flat.const !== undefined) return flat.const;
  if (flat.enum?.length) return flat.enum.find((v) => v !== null) ?? flat.enum[0];
  if (flat.default !== undefined && !options.isFull) return flat.default;
  const type = typesOf(flat)[0] ?? (flat.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      return sampleString(flat, name);
    case 'integer':
      return sampleNumber(flat, true);
    case 'number':
      return sampleNumber(flat, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = Math.max(flat.minItems ?? 0, options.isFull ? 1 : 0);
      const itemName = name.endsWith('Ids') ? name.slice(0, -1) : name;
      return Array.from({ length: count }, () => sampleValid(flat.items ?? {}, options, itemName));
    }
    case 'object': {
      const required = new Set(flat.required ?? []);
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(flat.properties ?? {})) {
        if (required.has(key) || options.isFull) result[key] = sampleValid(child, options, key);
      }
      return result;
    }
    default:
      return 'Sample';
  }
}
