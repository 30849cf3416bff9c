/**
 * The API's operations, read from its own OpenAPI document (the route table): the authorization
 * matrix and the fuzz test are generated from this list, so a new route is covered the day it is
 * added.
 */
import type { TApp } from '../app.ts';

export type TJsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: TJsonSchema;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  additionalProperties?: boolean | TJsonSchema;
  propertyNames?: TJsonSchema;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  default?: unknown;
  [key: string]: unknown;
};

export interface TParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: TJsonSchema;
}

export interface TOperation {
  /** `'PATCH /api/initiatives/{id}'`: the key of the route-policy table. */
  key: string;
  method: string;
  path: string;
  parameters: TParameter[];
  /** The JSON body's schema, when the operation takes JSON. */
  jsonBody?: TJsonSchema;
  /** The multipart body's schema, when the operation takes an upload. */
  multipartBody?: TJsonSchema;
}

type TDocument = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, TJsonSchema>; parameters?: Record<string, TParameter> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Fetches /api/openapi.json in-process and lists every operation, `$ref`s resolved. */
export async function readOperations(app: TApp): Promise<TOperation[]> {
  const res = await app.request('/api/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  const doc = (await res.json()) as TDocument;
  const resolve = <T>(value: T, seen = new Set<string>()): T => {
    if (Array.isArray(value)) return value.map((v) => resolve(v, seen)) as T;
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      const ref = record.$ref;
      if (seen.has(ref)) return {} as T;
      const [, , group, name] = ref.split('/');
      const target = (doc.components as Record<string, Record<string, unknown>> | undefined)?.[group!]?.[
        name!
      ];
      return resolve(target ?? {}, new Set([...seen, ref])) as T;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, resolve(v, seen)])) as T;
  };
  const operations: TOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        | { parameters?: TParameter[]; requestBody?: { content?: Record<string, { schema?: TJsonSchema }> } }
        | undefined;
      if (!op) continue;
      const content = resolve(op.requestBody?.content ?? {});
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: resolve(op.parameters ?? []),
        jsonBody: content['application/json']?.schema,
        multipartBody: content['multipart/form-data']?.schema,
      });
    }
  }
  return operations;
}

/** Whether the operation changes state (the CSRF and audit rules apply to it). */
export const isWrite = (op: TOperation) => op.method !== 'GET';
