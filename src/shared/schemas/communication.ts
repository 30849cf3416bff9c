/**
 * Communication (DESIGN §8): the plan's strategy, media-engagement sessions, media contacts and
 * their lists, press releases. The same schemas validate the web forms and the API.
 */
import { z } from 'zod';
import {
  COMMS_CHANNELS,
  MEDIA_CONTACT_CHANNELS,
  MEDIA_PERSON_KINDS,
  PERSON_KINDS,
  PRESS_RELEASE_LANGUAGES,
  PRESS_RELEASE_STATUSES,
} from '../enums.ts';
import {
  LIMITS,
  ZId,
  ZIsoDate,
  ZName,
  ZOptionalText,
  ZPage,
  ZPageQuery,
  ZSearchQuery,
  ZTitle,
  ZVersion,
  ZVersioned,
  zInteger,
  zLine,
  zOptionalHttpUrl,
  zRequiredLine,
  zText,
} from './common.ts';
import { ZIncludeArchived } from './query.ts';

export const ZHexColour = z
  .string()
  .trim()
  .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour in the form #RRGGBB' });

const ZShortText = zRequiredLine;

const ZHandle = zLine(200);

const emptyToNull = (v: string | null | undefined) => (v ? v : null);

// ——— Strategy ———

export const ZCommsChannelEntry = z
  .object({
    kind: z.enum(COMMS_CHANNELS, { error: `must be one of ${COMMS_CHANNELS.join(', ')}` }),
    handle: ZHandle.nullish().transform(emptyToNull),
    url: zOptionalHttpUrl(500),
  })
  .meta({ id: 'CommsChannel' });

export const ZStrategyFields = z.object({
  objectives: z.array(ZShortText(1000)).max(20, { error: 'at most 20' }),
  targetSegments: z.array(ZShortText(300)).max(30, { error: 'at most 30' }),
  channels: z.array(ZCommsChannelEntry).max(30, { error: 'at most 30' }),
  primaryColour: ZHexColour.nullable(),
  secondaryColour: ZHexColour.nullable(),
  /** A person of the mission who lends their face to the plan. */
  testimonialId: ZId.nullable(),
  testimonialNote: ZOptionalText,
});

/** The whole strategy, or part of it; `version` 0 when none was saved yet. */
export const ZUpdateStrategyRequest = ZStrategyFields.partial()
  .extend({
    version: zInteger({ min: 0 }).refine((v) => v >= 0, { error: 'is required: the version you edited' }),
  })
  .meta({ id: 'UpdateCommsStrategyRequest' });
export type TUpdateStrategyRequest = z.infer<typeof ZUpdateStrategyRequest>;

export const ZLogoInfo = z
  .object({
    programmeId: z.string().nullable(),
    fileName: z.string(),
    mimeType: z.string(),
    byteSize: z.number().int(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'CommsLogo' });

export const ZCommsStrategy = z
  .object({
    planId: z.string(),
    missionId: z.string(),
    objectives: z.array(z.string()),
    targetSegments: z.array(z.string()),
    channels: z.array(
      z.object({ kind: z.enum(COMMS_CHANNELS), handle: z.string().nullable(), url: z.string().nullable() }),
    ),
    primaryColour: z.string().nullable(),
    secondaryColour: z.string().nullable(),
    testimonial: z.object({ id: z.string(), fullName: z.string(), kind: z.enum(PERSON_KINDS) }).nullable(),
    testimonialNote: z.string().nullable(),
    logos: z.array(ZLogoInfo),
    programmes: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        colors: z.array(z.string()),
        version: z.number().int(),
      }),
    ),
    /** 0 until the strategy is first saved. */
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'CommsStrategy' });
export type TCommsStrategy = z.infer<typeof ZCommsStrategy>;

// ——— Media-engagement sessions ———

export const ZMediaSessionFields = z.object({
  heldOn: ZIsoDate,
  title: ZName,
  /** Media contacts (people of the mission) who came. */
  attendeeIds: z.array(ZId).max(200, { error: 'at most 200' }),
  otherAttendees: ZOptionalText,
  suggestions: ZOptionalText,
});
export const ZCreateMediaSessionRequest = ZMediaSessionFields.partial()
  .required({ heldOn: true, title: true })
  .meta({ id: 'CreateMediaSessionRequest' });
export type TCreateMediaSessionRequest = z.infer<typeof ZCreateMediaSessionRequest>;
export const ZUpdateMediaSessionRequest = ZMediaSessionFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateMediaSessionRequest' });
export type TUpdateMediaSessionRequest = z.infer<typeof ZUpdateMediaSessionRequest>;

export const ZMediaSession = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  heldOn: z.string(),
  title: z.string(),
  attendees: z.array(z.object({ id: z.string(), fullName: z.string(), kind: z.enum(PERSON_KINDS) })),
  otherAttendees: z.string().nullable(),
  suggestions: z.string().nullable(),
}).meta({ id: 'MediaSession' });
export type TMediaSession = z.infer<typeof ZMediaSession>;

// ——— Media contacts ———

export const ZMediaChannelEntry = z
  .object({
    kind: z.enum(MEDIA_CONTACT_CHANNELS, { error: `must be one of ${MEDIA_CONTACT_CHANNELS.join(', ')}` }),
    handle: ZHandle.nullish().transform(emptyToNull),
    url: zOptionalHttpUrl(500),
  })
  .refine((c) => c.handle || c.url, { error: 'needs a handle or an address', path: ['handle'] })
  .meta({ id: 'MediaChannel' });

const ZLanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, { error: 'must be a two-letter language code such as kk or ru' });

export const ZMediaContactFields = z.object({
  name: ZName,
  /** For people: journalist, blogger or influencer. */
  personKind: z.enum(MEDIA_PERSON_KINDS, { error: `must be one of ${MEDIA_PERSON_KINDS.join(', ')}` }),
  email: z
    .string({ error: 'must be text' })
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .pipe(
      z
        .email({ error: 'must be an e-mail address' })
        .max(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` })
        .nullable(),
    ),
  /** The outlet (a media organisation of the mission) a person writes for. */
  outletId: ZId.nullable(),
  languages: z.array(ZLanguageCode).max(20),
  channels: z.array(ZMediaChannelEntry).max(20, { error: 'at most 20' }),
  audienceSize: zInteger({ min: 0, max: 2_000_000_000 }).nullable(),
  topics: z.array(ZShortText(100)).max(30, { error: 'at most 30' }),
  notes: ZOptionalText,
});

export const ZCreateMediaContactRequest = ZMediaContactFields.partial()
  .required({ name: true })
  .extend({
    missionId: ZId,
    /** A person (journalist, blogger, influencer) or an outlet (organisation of kind media_outlet). */
    kind: z.enum(['person', 'outlet'], { error: 'must be person or outlet' }),
    /** Make an existing person or organisation of the mission a media contact instead of creating one. */
    personId: ZId.optional(),
    organisationId: ZId.optional(),
  })
  .meta({ id: 'CreateMediaContactRequest' });
export type TCreateMediaContactRequest = z.infer<typeof ZCreateMediaContactRequest>;

export const ZUpdateMediaContactRequest = ZMediaContactFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateMediaContactRequest' });
export type TUpdateMediaContactRequest = z.infer<typeof ZUpdateMediaContactRequest>;

export const ZMediaContact = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  kind: z.enum(['person', 'outlet']),
  personId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
  personKind: z.enum(PERSON_KINDS).nullable(),
  email: z.string().nullable(),
  outlet: z.object({ id: z.string(), name: z.string() }).nullable(),
  languages: z.array(z.string()),
  channels: z.array(
    z.object({
      kind: z.enum(MEDIA_CONTACT_CHANNELS),
      handle: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  audienceSize: z.number().int().nullable(),
  topics: z.array(z.string()),
  notes: z.string().nullable(),
  listIds: z.array(z.string()),
}).meta({ id: 'MediaContact' });
export type TMediaContact = z.infer<typeof ZMediaContact>;
export const ZMediaContactPage = ZPage(ZMediaContact).meta({ id: 'MediaContactPage' });

export const ZMediaContactListQuery = ZPageQuery.extend({
  missionId: ZId.optional(),
  listId: ZId.optional(),
  /** Words to find in the name, e-mail, handles or topics. */
  q: ZSearchQuery.optional(),
  includeArchived: ZIncludeArchived,
});
export type TMediaContactListQuery = z.infer<typeof ZMediaContactListQuery>;

export const ZMediaContactImportResult = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    merged: z.number().int(),
    createdOutlets: z.array(z.string()),
    createdLists: z.array(z.string()),
    isDryRun: z.boolean(),
  })
  .meta({ id: 'MediaContactImportResult' });
export type TMediaContactImportResult = z.infer<typeof ZMediaContactImportResult>;

// ——— Lists ———

export const ZCreateMediaListRequest = z
  .object({
    missionId: ZId,
    name: ZName,
    description: ZOptionalText,
    contactIds: z.array(ZId).max(2000).optional(),
  })
  .meta({ id: 'CreateMediaListRequest' });
export type TCreateMediaListRequest = z.infer<typeof ZCreateMediaListRequest>;

export const ZUpdateMediaListRequest = z
  .object({
    version: ZVersion,
    name: ZName.optional(),
    description: ZOptionalText.optional(),
    /** Replaces the members. */
    contactIds: z.array(ZId).max(2000).optional(),
  })
  .meta({ id: 'UpdateMediaListRequest' });
export type TUpdateMediaListRequest = z.infer<typeof ZUpdateMediaListRequest>;

export const ZMediaList = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  contactIds: z.array(z.string()),
}).meta({ id: 'MediaList' });
export type TMediaList = z.infer<typeof ZMediaList>;

// ——— Press releases ———

export const ZPressReleaseLanguage = z.enum(PRESS_RELEASE_LANGUAGES, {
  error: `must be one of ${PRESS_RELEASE_LANGUAGES.join(', ')}`,
});

export const ZCreatePressReleaseRequest = z
  .object({
    initiativeId: ZId,
    language: ZPressReleaseLanguage,
  })
  .meta({ id: 'CreatePressReleaseRequest' });
export type TCreatePressReleaseRequest = z.infer<typeof ZCreatePressReleaseRequest>;

export const ZUpdatePressReleaseRequest = z
  .object({
    version: ZVersion,
    title: ZTitle.optional(),
    body: zText({ max: LIMITS.text * 2, min: 1, isMultiline: true }).optional(),
  })
  .meta({ id: 'UpdatePressReleaseRequest' });
export type TUpdatePressReleaseRequest = z.infer<typeof ZUpdatePressReleaseRequest>;

export const ZPressReleaseStatusRequest = z
  .object({
    version: ZVersion,
    status: z.enum(PRESS_RELEASE_STATUSES, { error: `must be one of ${PRESS_RELEASE_STATUSES.join(', ')}` }),
  })
  .meta({ id: 'PressReleaseStatusRequest' });
export type TPressReleaseStatusRequest = z.infer<typeof ZPressReleaseStatusRequest>;

export const ZPressRelease = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  initiative: z.object({ id: z.string(), title: z.string() }),
  language: z.enum(PRESS_RELEASE_LANGUAGES),
  title: z.string(),
  body: z.string(),
  status: z.enum(PRESS_RELEASE_STATUSES),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The statuses the caller may move it to now. */
  nextStatuses: z.array(z.enum(PRESS_RELEASE_STATUSES)),
  canEdit: z.boolean(),
}).meta({ id: 'PressRelease' });
export type TPressRelease = z.infer<typeof ZPressRelease>;
export const ZPressReleasePage = ZPage(ZPressRelease).meta({ id: 'PressReleasePage' });

export const ZPressReleaseListQuery = ZPageQuery.extend({
  planId: ZId.optional(),
  initiativeId: ZId.optional(),
  includeArchived: ZIncludeArchived,
});
export type TPressReleaseListQuery = z.infer<typeof ZPressReleaseListQuery>;
