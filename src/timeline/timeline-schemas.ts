import { z } from 'zod';
import { id } from '../shared/schemas.ts';

export const timelineKinds = [
  'referral', 'contact_attempt', 'encounter', 'session', 'observation', 'pathway_granted', 'pathway_started', 'pathway_ended', 'intervention_ended', 'course_closed',
  'questionnaire', 'stratification',
] as const;

/** The records a clinician can mark as entered in error from the timeline: `POST /api/{correction}/{id}/entered-in-error`. */
export const timelineCorrections = ['contact-attempts', 'encounters', 'observations', 'questionnaire-responses', 'stratifications'] as const;

const ns = z.string().nullable();
export const Measurement = z.object({ measure: z.string(), value: z.number(), unit: z.string(), timePoint: z.string() });
export const TimelineItem = z.object({
  at: z.string().describe('ISO instant; for events that only have a date, the local start or end of that day'),
  dateOnly: z.boolean(),
  kind: z.enum(timelineKinds),
  id,
  status: ns, code: ns, note: ns, channel: ns, outcome: ns, purpose: ns, class: ns, teamName: ns,
  title: ns.describe('A questionnaire\'s title (Danish)'), timePoint: ns.describe('A questionnaire\'s time point: baseline, end, follow_up'),
  sessionNumber: z.number().nullable(),
  codes: z.array(z.string()).describe('Conditions assessed at a conversation, or interventions granted with a pathway'),
  measurements: z.array(Measurement),
  enteredInError: z.boolean().describe('Marked as entered in error: kept in the history, not a current value'),
  correction: z.enum(timelineCorrections).nullable().describe('Where to mark this record as entered in error (null: not from here, or already marked)'),
  version: z.number().nullable().describe('The record\'s version, to send when marking it entered in error'),
});
export type TimelineItem = z.infer<typeof TimelineItem>;
export const Timeline = z.object({ referralId: id, citizenId: id, stage: z.string(), items: z.array(TimelineItem) });
