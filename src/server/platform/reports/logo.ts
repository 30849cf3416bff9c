/**
 * A stored logo that cannot be drawn (truncated, corrupt: stored before uploads were decoded, or
 * written to the database directly) must not make the report a 500: the report is rendered
 * without it and says so.
 */

import { tryDecodeImage } from '../uploads/image.ts';

/** The line a report shows where its logo could not be drawn. */
export const LOGO_NOT_DRAWN = '(logo could not be drawn)';

/** The data without its logo, marked as having a broken one. */
/** What a report's data looks like to these helpers: an identity that may hold a logo. */
interface IWithLogo {
  identity: { logo?: { data: Uint8Array } | null; isLogoBroken?: boolean };
}

export function withoutLogo<T extends IWithLogo>(data: T): T {
  return { ...data, identity: { ...data.identity, logo: null, isLogoBroken: true } };
}

/** The data with its logo when it decodes completely, else without it (and marked). */
export async function withDrawableLogo<T extends IWithLogo>(data: T): Promise<T> {
  const logo = data.identity.logo;
  if (!logo) return data;
  return (await tryDecodeImage(logo.data)) ? data : withoutLogo(data);
}
