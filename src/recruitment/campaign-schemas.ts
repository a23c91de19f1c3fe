import { z } from 'zod';
import { id, isoDate, isoDateTime, version } from '../shared/schemas.ts';
import { channels, outcomes } from './results.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const CampaignInput = z.strictObject({
  name: text(200), description: text(2000).nullable().default(null), offerId: id.nullable().default(null), teamId: id.nullable().default(null),
  courseDate: isoDate.nullable().default(null).describe('Fix the course date before calling (Langeland)'), area: text(100).nullable().default(null),
  startsOn: isoDate, endsOn: isoDate,
});
export const ContactInput = z.union([
  z.strictObject({ referralId: id }),
  z.strictObject({
    givenName: text(100), familyName: text(100), phone: z.string().regex(/^\+?[0-9 ]{8,16}$/).nullable().default(null), address: text(200).nullable().default(null),
    legalBasis: z.enum(['consent', 'public_task']).describe('Consent from the person, or the municipality\'s public task; required for entered contact data'),
    legalBasisNote: text(500).describe('Where the consent or basis is documented'),
  }),
]);
export const AttemptInput = z.strictObject({ attemptedAt: isoDateTime, channel: z.enum(channels), outcome: z.enum(outcomes) });
export const EnrolInput = z.strictObject({ referralId: id, version: version.optional().describe('The contact\'s version as read; a stale one is refused (412)') });
export const EndInput = z.strictObject({ version });

const Contact = z.object({
  id, source: z.string(), referralId: id.nullable(), citizenId: id.nullable(), name: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(),
  legalBasis: z.string().nullable(), enrolledReferralId: id.nullable(), erased: z.boolean(), version: z.number(),
  attempts: z.array(z.object({ attemptedAt: z.string(), channel: z.string(), outcome: z.string(), performedBy: z.string().nullable() })),
});
export const CampaignOut = z.object({
  id, name: z.string(), description: z.string().nullable(), offerId: id.nullable(), teamId: id.nullable(), courseDate: z.string().nullable(), area: z.string().nullable(),
  startsOn: z.string(), endsOn: z.string(), status: z.string(), version: z.number(),
  results: z.object({
    total: z.object({ contacts: z.number(), recruited: z.number(), enrolled: z.number().describe('People enrolled (their referral linked)') }),
    channels: z.array(z.object({ channel: z.string(), contacts: z.number(), attempts: z.number(), recruited: z.number(), enrolled: z.number().describe('Enrolled among those this channel recruited') })),
  }),
});
export const CampaignDetail = CampaignOut.extend({ contacts: z.array(Contact) });
