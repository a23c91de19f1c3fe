import { z } from 'zod';
import { diagnosisGroups } from '../domain/social-position.ts';
import { codeFrom, id, version } from '../shared/schemas.ts';
import { deliveryModes, placeKinds, supportFeatures, supportLevels, timesOfDay } from './offer-vocabulary.ts';
import { labelsTargetGroup } from './public-name.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const languageCode = z.string().regex(/^[a-z]{2,3}$/);

export const PlaceInput = z.strictObject({
  name: text(200),
  kind: z.enum(placeKinds).describe('health_centre, health_house (in a social-housing area), mobile (a mobile team visiting a district), community, online'),
  area: text(100).nullable().default(null).describe('The district (lokalområde) the place serves'),
  address: text(300).nullable().default(null),
  accessibility: text(2000).nullable().default(null),
});
export const PlaceOut = z.object({
  id, name: z.string(), kind: z.string(), area: z.string().nullable(), address: z.string().nullable(), accessibility: z.string().nullable(),
  active: z.boolean(), version: z.number(),
});

const offerFields = {
  internalName: text(200).describe('The staff name; may name the target group'),
  publicName: text(200).refine((n) => labelsTargetGroup(n) === null, { params: { rule: 'offer.public_name_labels' } })
    .describe('What citizens see; must not label the target group (no "for the unemployed")'),
  description: text(4000).nullable().default(null),
  interventionCodes: z.array(codeFrom('interventions119')).min(1).max(10).describe('FSIII §119 interventions'),
  diseases: z.array(z.enum(diagnosisGroups)).max(6).default([]).describe('Disease groups the offer fits; empty = any'),
  deliveryMode: z.enum(deliveryModes),
  languages: z.array(languageCode).min(1).max(10).default(['da']),
  genderSpecific: z.enum(['male', 'female']).nullable().default(null),
  timeOfDay: z.enum(timesOfDay).nullable().default(null),
  sessionMinutes: z.number().int().min(10).max(600),
  sessionCount: z.number().int().min(1).max(100),
  capacity: z.number().int().min(1).max(200).nullable().default(null),
  supportLevel: z.enum(supportLevels).default('standard').describe('The stratification level the offer is for'),
  features: z.array(z.enum(supportFeatures)).max(supportFeatures.length).default([]),
  accessibility: text(2000).nullable().default(null),
  priceDkk: z.number().min(0).max(100000).default(0),
  variantOf: id.nullable().default(null).describe('The offer this is an easier or more-support variant of'),
  variantKind: z.enum(['easier', 'more_support']).nullable().default(null),
  completionThreshold: z.number().gt(0).max(1).default(0.75).describe('Share of sessions attended that counts as completed (STOPbasen: 0.75)'),
  placeIds: z.array(id).max(30).default([]),
};
const variantRule = (o: { variantOf?: string | null | undefined; variantKind?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if ((o.variantOf == null) !== (o.variantKind == null)) ctx.addIssue({ code: 'custom', path: ['variantKind'], params: { rule: 'offer.variant' }, message: 'offer.variant' });
};
export const OfferInput = z.strictObject(offerFields).superRefine(variantRule);
export const OfferUpdate = z.strictObject({
  version, active: z.boolean().optional(),
  ...Object.fromEntries(Object.entries(offerFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof offerFields]: z.ZodOptional<(typeof offerFields)[K]> },
}).superRefine(variantRule);

const Named = z.object({ id, name: z.string(), kind: z.string(), area: z.string().nullable() });
export const OfferOut = z.object({
  id, internalName: z.string(), publicName: z.string(), description: z.string().nullable(), interventionCodes: z.array(z.string()),
  diseases: z.array(z.string()), deliveryMode: z.string(), languages: z.array(z.string()), genderSpecific: z.string().nullable(),
  timeOfDay: z.string().nullable(), sessionMinutes: z.number(), sessionCount: z.number(), capacity: z.number().nullable(),
  supportLevel: z.string(), features: z.array(z.string()), accessibility: z.string().nullable(), priceDkk: z.number(),
  variantOf: id.nullable(), variantKind: z.string().nullable(), completionThreshold: z.number(), active: z.boolean(), version: z.number(),
  places: z.array(Named), variants: z.array(z.object({ id, publicName: z.string(), variantKind: z.string() })), upcomingTeams: z.number(),
});
export type OfferOut = z.infer<typeof OfferOut>;
