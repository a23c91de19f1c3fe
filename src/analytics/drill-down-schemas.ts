import { z } from 'zod';
import { EquityFilterQuery } from './equity-filters.ts';
import { DimensionKey, DimensionOut, Disclosure, Filters, Period, StepKey, withOrderedPeriod } from './equity-schemas.ts';

/** The most rows one list shows (the count says how many there are). */
export const MAX_DRILL_ROWS = 500;

/** One cell of the cascade (step × group of a dimension, under the dashboard's period and filters). */
export const DrillDownQuery = withOrderedPeriod(EquityFilterQuery.extend({
  dimension: DimensionKey.default('education'),
  group: z.string().min(1).max(100).describe('The group (a value of the dimension, e.g. "low", or "unknown")'),
  step: StepKey.describe('The step the referrals reached'),
}));
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

const Coded = z.object({ value: z.string(), label: z.string() });

export const DrillDownRow = z.object({
  pseudonym: z.string().describe('Stable per citizen in this municipality (HMAC of the citizen id with a secret that never leaves the server)'),
  ageBand: Coded, sex: Coded,
  steps: z.array(z.object({
    step: StepKey, label: z.string(),
    month: z.string().nullable().describe('The local (Copenhagen) month the step was reached, YYYY-MM; never the exact date. Null when the step is implied by a later one'),
  })).describe('The steps reached, in pathway order'),
  dropoutReason: z.object({ code: z.string(), label: z.string() }).nullable().describe('The KL cancellation reason when the course or referral ended early'),
  daysToContact: z.number().int().nullable().describe('Whole days from referral to first contact'),
  daysToStart: z.number().int().nullable().describe('Whole days from referral to start'),
  person: z.object({ citizenId: z.uuid(), referralId: z.uuid(), name: z.string() }).nullable()
    .describe('Who it is: only for callers with access to the records (citizen.read), and every such row is audit-logged as a read; null in pseudonymised lists'),
});
export type DrillDownRow = z.infer<typeof DrillDownRow>;

export const DrillDownOut = z.object({
  period: Period, filters: Filters, dimension: DimensionOut, disclosure: Disclosure,
  group: Coded, step: z.object({ key: StepKey, label: z.string() }),
  view: z.enum(['named', 'pseudonymised']).describe('"named" for roles that may read the records; "pseudonymised" for managers, analysts and API keys'),
  count: z.number().int().describe('Referrals in the cell'),
  rows: z.array(DrillDownRow).describe(`At most ${MAX_DRILL_ROWS}: named lists by name, pseudonymised lists by pseudonym`),
});
export type DrillDownOut = z.infer<typeof DrillDownOut>;

export const TeamChoicesOut = z.object({
  teams: z.array(z.object({ id: z.uuid(), name: z.string(), offerId: z.uuid().nullable(), placeId: z.uuid().nullable(), startsOn: z.string().nullable() })),
});
