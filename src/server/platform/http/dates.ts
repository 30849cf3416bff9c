/** Timestamps leave the server as ISO 8601 strings in UTC. */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
export const isoRequired = (value: Date | string): string => iso(value) as string;
