import { z } from 'zod';
import { id, isoDate, version } from '../shared/schemas.ts';
import { languageCode } from '../offers/offer-schemas.ts';

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).describe('Local time HH:MM (Europe/Copenhagen)');

export const SchedulePattern = z.object({
  from: isoDate.describe('The first date a session may fall on'),
  weekday: z.coerce.number().int().min(1).max(7).describe('1 Monday … 7 Sunday'),
  startTime: time,
  sessionMinutes: z.coerce.number().int().min(10).max(600),
  sessionCount: z.coerce.number().int().min(1).max(60),
  skipClosedDays: z.enum(['true', 'false']).default('true').describe('Skip Danish public holidays and customary closing days'),
});

export const TeamCreate = z.strictObject({
  offerId: id,
  placeId: id.nullable().default(null),
  name: z.string().trim().min(1).max(200).optional().describe('Defaults to the offer\'s public name with weekday and week'),
  language: languageCode.describe('One of the offer\'s languages'),
  instructorIds: z.array(id).max(10).default([]),
  capacity: z.number().int().min(1).max(200).optional().describe('Defaults to the offer\'s capacity'),
  from: isoDate,
  weekday: z.number().int().min(1).max(7),
  startTime: time,
  sessionMinutes: z.number().int().min(10).max(600).optional(),
  sessionCount: z.number().int().min(1).max(60).optional(),
  skipClosedDays: z.boolean().default(true),
});

export const SessionMove = z.strictObject({ version, date: isoDate, startTime: time, sessionMinutes: z.number().int().min(10).max(600).optional(), location: z.string().trim().min(1).max(200).nullable().optional() });

export const PlannedSession = z.object({ number: z.number(), date: z.string(), startAt: z.string(), endAt: z.string() });
export const SkippedDate = z.object({ date: z.string(), name: z.string(), kind: z.enum(['public', 'customary']) });
export const SchedulePreview = z.object({ sessions: z.array(PlannedSession), skipped: z.array(SkippedDate) });
