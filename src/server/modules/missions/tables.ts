/** The missions and their accounts: missions, users, memberships, sessions, sign-in links and the audit log. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { MEMBERSHIP_STATUSES, MISSION_KINDS, ROLES, SIGN_IN_TOKEN_PURPOSES } from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';

export const missionRef = () =>
  uuid('mission_id')
    .notNull()
    .references(() => missions.id, { onDelete: 'cascade' });

export const missions = pgTable(
  'missions',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: MISSION_KINDS }).notNull(),
    hostCountry: text('host_country'),
    defaultLocale: text('default_locale').notNull().default('en'),
    currency: text('currency').notNull().default('EUR'),
    timeZone: text('time_zone').notNull().default('UTC'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    uniqueIndex('missions_slug_key').on(t.slug),
    check('missions_kind_check', inList('kind', MISSION_KINDS)),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    isActive: boolean('is_active').notNull().default(true),
    /** The ministry's IT: creates missions and their first administrators; above the missions. */
    isNetworkAdmin: boolean('is_network_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    missionId: missionRef(),
    role: text('role', { enum: ROLES }).notNull(),
    /** `invited` until the person accepts, signed in with their own credentials; only `active` counts. */
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull().default('active'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.missionId] }),
    index('memberships_mission_idx').on(t.missionId),
    check('memberships_role_check', inList('role', ROLES)),
    check('memberships_status_check', inList('status', MEMBERSHIP_STATUSES)),
  ],
);

/** Sign-in sessions. `id` is the SHA-256 of the cookie's token: a stolen table yields no session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moved forward as the session is used; an idle session ends (see auth/sessions.ts). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time sign-in links (first start, password reset). `id` is the SHA-256 of the token. */
export const signInTokens = pgTable(
  'sign_in_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: SIGN_IN_TOKEN_PURPOSES }).notNull().default('sign_in'),
    /** Who asked for it (null: the system, or the person themself). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a newer link for the same person replaced it. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sign_in_tokens_user_idx').on(t.userId),
    check('sign_in_tokens_purpose_check', inList('purpose', SIGN_IN_TOKEN_PURPOSES)),
  ],
);

/** Who changed what, when: one row per write, with the record before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_mission_idx').on(t.missionId, t.at),
  ],
);
