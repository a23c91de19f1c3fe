import { z } from 'zod';
import { id, version } from '../shared/schemas.ts';
import { languageCode } from '../offers/offer-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => text(max).nullable().default(null);
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);

export const activityKinds = ['walking', 'swimming', 'cycling', 'strength', 'dance', 'ball_games', 'yoga_mindfulness', 'golf_padel', 'outdoor', 'social', 'other'] as const;
export const inclusivenessLevels = ['adapted', 'welcoming', 'ordinary'] as const;
const Link = z.strictObject({ label: text(100), url: z.url({ protocol: /^https?$/ }), kind: z.enum(['website', 'video']) });

export const AssociationInput = z.strictObject({
  name: text(200), description: optional(2000), website: z.url({ protocol: /^https?$/ }).nullable().default(null),
  publicContact: optional(200).describe('The association\'s published contact (e-mail or phone of the club), shown on the public page'),
  contactName: optional(200).describe('Staff only: the contact person'), contactPhone: optional(30), contactEmail: z.email().nullable().default(null),
});
export const AssociationUpdate = AssociationInput.partial().extend({ version, active: z.boolean().optional() }).strict();

const offerFields = {
  associationId: id,
  activity: text(200), activityKind: z.enum(activityKinds), description: optional(4000),
  placeName: text(200), address: optional(300), area: optional(100),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]), startTime: time.nullable().default(null), scheduleNote: optional(300),
  languages: z.array(languageCode).min(1).max(10).default(['da']),
  introCourse: z.boolean().default(false).describe('An intro course or closed starter group for newcomers'), introNote: optional(1000),
  inclusiveness: z.enum(inclusivenessLevels).describe('adapted: made for people with reduced function; welcoming: an ordinary activity that adapts; ordinary: needs ordinary function'),
  inclusivenessNote: optional(1000),
  companionAvailable: z.boolean().default(false).describe('A volunteer companion (følgeskab) can come along the first times'),
  links: z.array(Link).max(10).default([]), priceNote: optional(300),
};
export const AssociationOfferInput = z.strictObject(offerFields);
export const AssociationOfferUpdate = z.strictObject({
  version, active: z.boolean().optional(),
  ...Object.fromEntries(Object.entries(offerFields).filter(([k]) => k !== 'associationId').map(([k, v]) => [k, v.optional()])) as { [K in Exclude<keyof typeof offerFields, 'associationId'>]: z.ZodOptional<(typeof offerFields)[K]> },
});

/** What anyone may see: no contact person, nothing about who joined. */
export const PublicOffer = z.object({
  id, associationName: z.string(), associationWebsite: z.string().nullable(), publicContact: z.string().nullable(),
  activity: z.string(), activityKind: z.string(), description: z.string().nullable(), placeName: z.string(), address: z.string().nullable(), area: z.string().nullable(),
  weekdays: z.array(z.number()), startTime: z.string().nullable(), scheduleNote: z.string().nullable(), languages: z.array(z.string()),
  introCourse: z.boolean(), introNote: z.string().nullable(), inclusiveness: z.string(), inclusivenessNote: z.string().nullable(),
  companionAvailable: z.boolean(), links: z.array(z.object({ label: z.string(), url: z.string(), kind: z.string() })), priceNote: z.string().nullable(),
});
export const StaffOffer = PublicOffer.extend({ associationId: id, active: z.boolean(), version: z.number() });
export const AssociationOut = z.object({
  id, name: z.string(), description: z.string().nullable(), website: z.string().nullable(), publicContact: z.string().nullable(),
  contactName: z.string().nullable(), contactPhone: z.string().nullable(), contactEmail: z.string().nullable(), active: z.boolean(), version: z.number(),
  offers: z.array(StaffOffer),
});

export const PublicSearch = z.object({
  municipality: z.string().regex(/^[0-9a-z-]{1,20}$/).optional().describe('Municipality code; optional when the server holds one municipality'),
  area: z.string().trim().max(100).optional(), activity: z.enum(activityKinds).optional(),
  day: z.coerce.number().int().min(1).max(7).optional(), language: languageCode.optional(), q: z.string().trim().max(100).optional(),
});
export const PublicResult = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  offers: z.array(PublicOffer),
  areas: z.array(z.string()).describe('Every area with an offer, for the search form'), languages: z.array(z.string()),
});
