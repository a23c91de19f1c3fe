import { z } from 'zod';
import { parseCpr } from '../domain/cpr.ts';
import { id, isoDate, version } from '../shared/schemas.ts';

export const CprInput = z.string().superRefine((value, ctx) => {
  const parsed = parseCpr(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', params: { rule: parsed.rule }, message: parsed.rule });
});

const name = z.string().trim().min(1).max(100);
export const CitizenCreate = z.strictObject({
  cpr: CprInput,
  givenName: name,
  familyName: name,
  addressLine: z.string().max(200).optional(),
  postalCode: z.string().regex(/^[0-9]{4}$/).optional(),
  city: z.string().max(100).optional(),
  phone: z.string().regex(/^\+?[0-9 ]{8,16}$/).optional(),
  preferredLanguage: z.string().regex(/^[a-z]{2,3}$/).default('da'),
});

export const CitizenUpdate = z.strictObject({
  version,
  givenName: name.optional(),
  familyName: name.optional(),
  addressLine: z.string().max(200).nullable().optional(),
  postalCode: z.string().regex(/^[0-9]{4}$/).nullable().optional(),
  city: z.string().max(100).nullable().optional(),
  phone: z.string().regex(/^\+?[0-9 ]{8,16}$/).nullable().optional(),
  preferredLanguage: z.string().regex(/^[a-z]{2,3}$/).optional(),
  deceased: z.boolean().optional(),
});

export const CitizenSearch = z.strictObject({
  cpr: CprInput.optional(),
  name: z.string().trim().min(2).max(100).optional(),
}).refine((s) => s.cpr !== undefined || s.name !== undefined, { params: { rule: 'required' }, path: ['name'] });

export const SocialPositionItemOut = z.object({
  id, item: z.string(), value: z.string(), source: z.string(), recordedOn: isoDate, version: z.number(),
});

export const CitizenOut = z.object({
  id,
  cpr: z.string().describe('Masked (DDMMYY-xxxx) unless fullCpr=true was asked for; that read is audit-logged'),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  givenName: z.string(),
  familyName: z.string(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  preferredLanguage: z.string(),
  deceased: z.boolean(),
  version: z.number(),
  socialPosition: z.array(SocialPositionItemOut).optional(),
});
export type CitizenOut = z.infer<typeof CitizenOut>;
