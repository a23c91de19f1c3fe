import { z } from 'zod';
import { id } from '../shared/schemas.ts';

const person = { referralId: id, citizenId: id, citizenName: z.string(), referralVersion: z.number() };

export const WorklistQuery = z.object({
  contactLimitDays: z.coerce.number().int().min(1).max(90).default(5)
    .describe('A new referral not contacted after this many days is highlighted (overdue)'),
});

export const Worklists = z.object({
  today: z.string().describe('Local date (Europe/Copenhagen) the lists were made for'),
  contactLimitDays: z.number(),
  newReferrals: z.array(z.object({ ...person, receivedAt: z.string(), sourceCode: z.string(), daysSinceReceived: z.number(), overdue: z.boolean() })),
  contactsDue: z.array(z.object({
    ...person, receivedAt: z.string(), phoneTries: z.number(), letters: z.number(), lastAttemptAt: z.string(),
    lastChannel: z.string(), lastOutcome: z.string(), nextAction: z.enum(['phone', 'letter', 'close']), dueOn: z.string(),
  })),
  conversations: z.array(z.object({ ...person, encounterId: id, startAt: z.string(), endAt: z.string(), class: z.string(), today: z.boolean() })),
  myCitizens: z.array(z.object({ ...person, stage: z.string(), nextStep: z.string(), dueOn: z.string() })),
  teamSessions: z.array(z.object({
    sessionId: id, teamId: id, teamName: z.string(), number: z.number(), sessionCount: z.number().nullable(),
    startAt: z.string(), endAt: z.string(), location: z.string().nullable(), status: z.string(), participants: z.number(), today: z.boolean(),
  })),
});
export type Worklists = z.infer<typeof Worklists>;
