import { z } from 'zod';
import { codeFrom, id, version } from '../shared/schemas.ts';

const attendance = z.enum(['present', 'absent', 'excused', 'not_called']);
export const ProgressRow = z.object({
  referralId: id, citizenId: id, citizenName: z.string(), interventionId: id, interventionStatus: z.string(),
  attended: z.number(), absent: z.number(), excused: z.number(), planned: z.number(), remaining: z.number(), needed: z.number(),
  completion: z.enum(['completed', 'on_track', 'at_risk', 'cannot_complete']), missedInARow: z.number(),
});
export const TeamProgress = z.object({ threshold: z.number(), participants: z.array(ProgressRow) });

export const CallListEntry = z.object({
  interventionId: id, interventionVersion: z.number(), referralId: id, citizenId: id, citizenName: z.string(), phone: z.string().nullable(),
  teamId: id, teamName: z.string(), missedInARow: z.number(),
  history: z.array(z.object({ sessionNumber: z.number(), startAt: z.string(), attendance })),
  lastCall: z.object({ calledAt: z.string(), outcome: z.string() }).nullable(),
});
export const CallInput = z.strictObject({
  interventionVersion: version.describe('The intervention version you saw; a drop-out changes the intervention'),
  outcome: z.enum(['continues', 'no_answer', 'dropped_out']),
  cancellationReason: codeFrom('cancellationReasons').optional().describe('KL cancellation reason; required for a drop-out'),
  note: z.string().trim().min(1).max(2000).optional(),
});
export const CallOut = z.object({ id, interventionId: id, outcome: z.string(), calledAt: z.string(), interventionStatus: z.string(), version: z.number() });

export const OverbookingOut = z.object({
  capacity: z.number(), booked: z.number(), waiting: z.number(), expectedAttendance: z.number(), extraPlaces: z.number(),
  expectedWithExtra: z.number(), overflowRisk: z.number(), typicalRate: z.number(),
  rates: z.array(z.object({ group: z.string(), attended: z.number(), expected: z.number(), rate: z.number() }))
    .describe('Show rate per education group among earlier participants of the same offer, shrunk towards the offer\'s overall rate'),
});
