import { z } from 'zod';
import { id } from '../shared/schemas.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.ts';

const person = { referralId: id, citizenId: id, citizenName: z.string(), referralVersion: z.number() };

const page = (list: string) => z.coerce.number().int().min(1).max(10_000).default(1).describe(`Page of ${list} to return, from 1; past the end gives the last page`);

export const WorklistQuery = z.object({
  contactLimitDays: z.coerce.number().int().min(1).max(90).default(5)
    .describe('A new referral not contacted after this many days is highlighted (overdue)'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe('Rows per page in every list'),
  newPage: page('newReferrals'), contactPage: page('contactsDue'), conversationPage: page('conversations'), minePage: page('myCitizens'), teamPage: page('teamSessions'),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

const Paging = z.object({ page: z.number(), pageSize: z.number(), total: z.number().describe('Rows in the whole list'), pages: z.number() });

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
  paging: z.object({ newReferrals: Paging, contactsDue: Paging, conversations: Paging, myCitizens: Paging, teamSessions: Paging })
    .describe('Each list above is one page; this says which page and how many rows the whole list has'),
});
export type Worklists = z.infer<typeof Worklists>;
