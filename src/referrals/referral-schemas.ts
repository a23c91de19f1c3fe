import { z } from 'zod';
import { codeFrom, id, isoDateTime, version } from '../shared/schemas.ts';

// SKS diagnosis codes start with D and a letter (DE11, DE119, DJ441); ICPC2 is a letter and two digits (T90).
const SKS = /^D[A-Z][0-9]{2}[0-9A-Z]{0,4}$/;
const ICPC2 = /^[A-Z][0-9]{2}(\.[0-9]{1,2})?$/;

export const DiagnosisInput = z.strictObject({
  system: z.enum(['SKS', 'ICPC2']),
  code: z.string().trim().toUpperCase(),
  display: z.string().max(200).optional(),
}).superRefine((d, ctx) => {
  if (!(d.system === 'SKS' ? SKS : ICPC2).test(d.code)) ctx.addIssue({ code: 'custom', path: ['code'], params: { rule: 'diagnosis.code' }, message: 'diagnosis.code' });
});

export const ReferralCreate = z.strictObject({
  citizenId: id,
  sourceCode: codeFrom('referralSources').describe('FSIII "Henvendelse/henvisning fra" code'),
  referringOrganizationId: id.optional(),
  diagnoses: z.array(DiagnosisInput).max(10).default([]),
  receivedAt: isoDateTime,
  reason: z.string().max(2000).optional(),
  replacesId: id.optional().describe('An earlier referral this one corrects (reported as ServiceRequest.replaces)'),
});
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const DiagnosisOut = z.object({ id, system: z.string(), code: z.string(), display: z.string().nullable(), verificationStatus: z.string(), version: z.number() });

export const ReferralOut = z.object({
  id, citizenId: id, sourceCode: z.string(), referringOrganizationId: id.nullable(), receivedAt: z.string(),
  reason: z.string().nullable(), replacesId: id.nullable(), stage: z.string(), closedReason: z.string().nullable(),
  version: z.number(), diagnoses: z.array(DiagnosisOut), allowedNextSteps: z.array(z.string()),
});
export type ReferralOut = z.infer<typeof ReferralOut>;

export const VersionOnly = z.strictObject({ version });
