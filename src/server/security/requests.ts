/**
 * Builds a valid request for an operation from its schema and the fixture: path parameters,
 * required query parameters and a body, ids of mission A filled by name.
 */
import type { TFixture } from './fixture.ts';
import { fillPath, idForName, PNG_1X1_BASE64 } from './fixture.ts';
import type { TJsonSchema, TOperation } from './openapi-operations.ts';
import { sampleValid } from './schema-sample.ts';

/** Query parameters sent even when optional: they point a list at mission A's data. */
const SCOPING_QUERY = new Set(['missionId', 'planId']);

export interface TBuiltRequest {
  path: string;
  init: RequestInit & { headers: Record<string, string> };
  /** The JSON body, when there is one (for reports). */
  body?: unknown;
}

/** Fills a field by name from the fixture (ids of mission A), else lets the generator choose. */
export const fixtureFill = (fixture: TFixture) => (name: string, schema: TJsonSchema) => {
  const isId = schema.format === 'uuid' || schema.items?.format === 'uuid' || /Ids?$/.test(name);
  if (!isId) return undefined;
  const id = idForName(fixture, name);
  if (id === undefined) return undefined;
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')) ? [id] : id;
};

export function buildQuery(fixture: TFixture, op: TOperation): URLSearchParams {
  const query = new URLSearchParams();
  for (const parameter of op.parameters) {
    if (parameter.in !== 'query') continue;
    if (!parameter.required && !SCOPING_QUERY.has(parameter.name)) continue;
    const value =
      idForName(fixture, parameter.name) ??
      sampleValid(parameter.schema ?? {}, { fill: fixtureFill(fixture) }, parameter.name);
    query.set(parameter.name, String(value));
  }
  return query;
}

/** A 1×1 PNG, for the logo upload. */
const PNG_1X1 = Uint8Array.from(Buffer.from(PNG_1X1_BASE64, 'base64'));

/** The file an upload route expects, so that an allowed caller gets past the file's checks. */
function sampleFile(op: TOperation): Blob & { name?: string } {
  if (op.path.endsWith('/logo')) return new File([PNG_1X1], 'logo.png', { type: 'image/png' });
  if (op.path.endsWith('/media-contacts/import'))
    return new File(['name,kind,email\nSample Person,journalist,sample@example.org\n'], 'contacts.csv', {
      type: 'text/csv',
    });
  if (op.path.endsWith('/initiatives/import'))
    return new File(['title,type\nSample,concert\n'], 'initiatives.csv', { type: 'text/csv' });
  return new File(['Sample text of an article.\n'], 'sample.txt', { type: 'text/plain' });
}

/** A multipart body from the schema: the file, and the other required fields from the fixture. */
export function sampleUpload(fixture: TFixture, op: TOperation): FormData {
  const form = new FormData();
  const schema = op.multipartBody ?? {};
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (child.format === 'binary') form.set(name, sampleFile(op));
    else if (schema.required?.includes(name))
      form.set(name, String(sampleValid(child, { fill: fixtureFill(fixture) }, name)));
  }
  return form;
}

/**
 * Bodies whose validity the schema cannot express (a refinement, a CSV inside a string, a choice
 * that needs a linked person): merged over the generated body.
 */
const BODY_OVERRIDES: Record<string, Record<string, unknown>> = {
  'POST /api/alarm-variables/{id}/observations/import': { csv: 'observedOn,value\n2022-05-10,1\n' },
  'POST /api/calendar-feeds': { scope: 'plan' },
  'PATCH /api/missions/{id}/members/{userId}': { role: 'officer' },
  'POST /api/press/items': { text: 'Sample text of an article about the mission.' },
};

export function validBody(fixture: TFixture, op: TOperation): unknown {
  const body = sampleValid(op.jsonBody ?? {}, { fill: fixtureFill(fixture) });
  const override = BODY_OVERRIDES[op.key];
  return override && body && typeof body === 'object' ? { ...body, ...override } : body;
}

export function buildValidRequest(
  fixture: TFixture,
  op: TOperation,
  options: { cookie?: string; pathParams?: Record<string, string> } = {},
): TBuiltRequest {
  const query = buildQuery(fixture, op).toString();
  const path = fillPath(fixture, op, options.pathParams) + (query ? `?${query}` : '');
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (op.jsonBody) {
    const body = validBody(fixture, op);
    headers['content-type'] = 'application/json';
    return { path, init: { method: op.method, headers, body: JSON.stringify(body) }, body };
  }
  if (op.multipartBody)
    return { path, init: { method: op.method, headers, body: sampleUpload(fixture, op) } };
  return { path, init: { method: op.method, headers } };
}
