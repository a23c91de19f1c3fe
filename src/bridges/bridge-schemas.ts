import { z } from 'zod';
import { id, isoDate, version } from '../shared/schemas.ts';
import { followUpReasons } from './follow-up-dates.ts';

export const BridgeInput = z.strictObject({
  citizenId: id, referralId: id.nullable().default(null), associationOfferId: id, bridgedOn: isoDate,
  companion: z.enum(['none', 'volunteer', 'staff', 'relative']).describe('Who went along the first time(s): a volunteer (følgeskab), staff, a relative, or nobody'),
  note: z.string().trim().min(1).max(2000).nullable().default(null),
});
export const FollowUpInput = z.strictObject({
  version, followedUpOn: isoDate, stillActive: z.boolean(), reason: z.enum(followUpReasons).describe('Why the citizen stayed or left'),
  note: z.string().trim().min(1).max(2000).nullable().default(null),
});
const FollowUp = z.object({
  id, months: z.number(), dueOn: z.string(), followedUpOn: z.string().nullable(), stillActive: z.boolean().nullable(), reason: z.string().nullable(),
  note: z.string().nullable(), version: z.number(),
  enteredInError: z.array(z.object({ followedUpOn: z.string(), stillActive: z.boolean(), reason: z.string().nullable(), note: z.string().nullable() }))
    .describe('Answers recorded by mistake and marked entered in error: kept and shown struck through; the follow-up was due again after each'),
});
export const BridgeOut = z.object({
  id, citizenId: id, citizenName: z.string(), referralId: id.nullable(), associationOfferId: id, activity: z.string(), associationName: z.string(),
  bridgedOn: z.string(), companion: z.string(), note: z.string().nullable(),
  status: z.enum(['active', 'entered-in-error']).describe('entered-in-error: recorded by mistake, kept and shown struck through, not counted as bridged'), version: z.number(), followUps: z.array(FollowUp),
});
export const DueFollowUp = z.object({
  followUpId: id, bridgeId: id, citizenId: id, citizenName: z.string(), activity: z.string(), associationName: z.string(), months: z.number(), dueOn: z.string(),
  version: z.number(), overdue: z.boolean(),
});
