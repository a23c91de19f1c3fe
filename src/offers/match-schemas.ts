import { z } from 'zod';
import { id } from '../shared/schemas.ts';
import { barriers, supportLevels, timesOfDay } from './offer-vocabulary.ts';

export const NeedsInput = z.strictObject({
  version: z.number().int().positive().nullable().describe('The version you read; null when the citizen has no needs recorded yet'),
  barriers: z.array(z.enum(barriers)).max(barriers.length).default([]),
  preferredTimes: z.array(z.enum(timesOfDay)).max(3).default([]),
  preferredWeekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  preferredAreas: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  note: z.string().trim().min(1).max(2000).nullable().default(null),
});
export const NeedsOut = z.object({
  citizenId: id, barriers: z.array(z.string()), preferredTimes: z.array(z.string()), preferredWeekdays: z.array(z.number()),
  preferredAreas: z.array(z.string()), note: z.string().nullable(), version: z.number().nullable(),
});

export const MatchQuery = z.object({
  supportLevel: z.enum(supportLevels).optional().describe('Overrides the support level; by default the referral\'s latest final stratification is used (self_managed counts as light)'),
  maxDaysToStart: z.coerce.number().int().min(1).max(365).default(42),
});

const Reason = z.object({ key: z.string(), effect: z.enum(['plus', 'minus', 'info']), text: z.string() });
export const Matches = z.object({
  citizen: z.object({
    citizenId: id, referralId: id, language: z.string(), interpreterNeeded: z.boolean(), diseases: z.array(z.string()), referredOn: z.string(),
    supportLevel: z.string().nullable(), needs: NeedsOut,
  }),
  suggestions: z.array(z.object({
    offerId: id, offerName: z.string(), teamId: id.nullable(), teamName: z.string().nullable(), place: z.string().nullable(), language: z.string().nullable(),
    startsOn: z.string().nullable(), startTime: z.string().nullable(), score: z.number(), daysToStart: z.number().nullable(), tooLate: z.boolean(), full: z.boolean(),
    reasons: z.array(Reason),
  })),
  excluded: z.array(z.object({ offerId: id, offerName: z.string(), teamId: id.nullable(), teamName: z.string().nullable(), text: z.string() })),
});
