import { z } from 'zod';

/** A boolean in a query string: `true` or `false`. */
export const ZBooleanQuery = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((v) => v === 'true');

export const ZSortOrder = z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('asc');

/** Archived records are left out of lists unless `includeArchived=true`. */
export const ZIncludeArchived = ZBooleanQuery.optional();
