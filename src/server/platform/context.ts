import type { TMissionKind, TRole } from '../../shared/enums.ts';
import type { Db } from './db/client.ts';
import type { TTrustedProxies } from './http/client-address.ts';

export interface TMembership {
  missionId: string;
  role: TRole;
  missionKind: TMissionKind;
}

/** The signed-in user, with the memberships every policy decides on. */
export interface TActor {
  userId: string;
  email: string;
  name: string;
  /** Active memberships only: an invitation not yet accepted gives no access. */
  memberships: TMembership[];
  /** The ministry's IT: manages missions and accounts, reads no mission's data by this alone. */
  isNetworkAdmin: boolean;
}

export interface TAppConfig {
  /** Absolute URL the app is reached at, for links printed on the console. */
  publicUrl: string;
  /** Set the session cookie's Secure flag (when served over HTTPS). */
  isSecureCookie: boolean;
  /** Folder of the built web app; absent in API-only tests. */
  webDir?: string;
  /** Proxies whose `X-Forwarded-For` is believed; absent: none (the socket's address counts). */
  trustedProxies?: TTrustedProxies;
  /** Session limits in milliseconds (defaults: 8 hours idle, 14 days in all; see auth/sessions.ts). */
  sessionIdleMs?: number;
  sessionMaxAgeMs?: number;
}

export interface TAppEnv {
  Variables: {
    db: Db;
    config: TAppConfig;
    actor: TActor | null;
  };
}
