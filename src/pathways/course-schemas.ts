import { z } from 'zod';
import { codeFrom, id, isoDate, isoDateTime, version } from '../shared/schemas.ts';
import { measureNames } from '../domain/measures.ts';

export const encounterClasses = ['AMB', 'HH', 'VR', 'phone', 'screen'] as const;
export const EncounterClass = z.enum(encounterClasses).describe('AMB ambulatory, HH home, VR virtual, phone (Telefonisk), screen (Skærmbesøg)');

export const ObservationInput = z.strictObject({
  measure: z.enum(measureNames),
  value: z.number(),
  unit: z.string(),
  timePoint: z.enum(['baseline', 'end', 'follow_up', 'other']).optional(),
  effectiveAt: isoDateTime.optional(),
  confirmed: z.boolean().optional().describe('Set after the professional has checked an implausible value (refused with rule measure.implausible until then)'),
});

export const ConditionInput = z.strictObject({
  code: codeFrom('conditions119'),
  clinicalStatus: z.enum(['active', 'inactive']).default('active'),
  note: z.string().max(2000).optional(),
});

export const ContactAttemptCreate = z.strictObject({
  version,
  attemptedAt: isoDateTime,
  channel: z.enum(['phone', 'letter', 'sms', 'in_person', 'digital_post']),
  outcome: z.enum(['reached', 'no_answer', 'message_left', 'sent', 'wrong_number', 'declined']),
  note: z.string().max(2000).optional(),
});

const conversation = {
  version,
  startAt: isoDateTime,
  endAt: isoDateTime,
  class: EncounterClass,
  note: z.string().max(4000).optional(),
  observations: z.array(ObservationInput).max(30).default([]),
};
export const ClarifyingConversation = z.strictObject({ ...conversation, conditions: z.array(ConditionInput).max(30).default([]) });
export const FollowUp = z.strictObject(conversation);

export const InterventionInput = z.strictObject({
  fsiiiCode: codeFrom('interventions119').optional(),
  localCode: z.string().min(1).max(64).optional(),
  localDisplay: z.string().min(1).max(200).optional(),
  deliveryType: codeFrom('deliveryTypes'),
  teamId: id.optional(),
  performerUserId: id.optional(),
  conditionIds: z.array(id).max(30).default([]),
}).superRefine((i, ctx) => {
  const local = i.localCode !== undefined || i.localDisplay !== undefined;
  if ((!i.fsiiiCode && !local) || (local && !(i.localCode && i.localDisplay))) {
    ctx.addIssue({ code: 'custom', path: ['fsiiiCode'], params: { rule: 'intervention.code_required' }, message: 'intervention.code_required' });
  }
});

export const PathwayGrant = z.strictObject({
  version,
  category: z.enum(['intervention', 'follow_up']),
  grantedOn: isoDate,
  coordinatorId: id.optional(),
  performerOrganizationId: id.optional(),
  interventions: z.array(InterventionInput).min(1).max(10),
});

export const PathwayStart = z.strictObject({ version, startDate: isoDate });

export const PathwayEnd = z.strictObject({
  version,
  outcome: z.enum(['completed', 'cancelled', 'stopped']),
  endedOn: isoDate,
  cancellationReason: codeFrom('cancellationReasons').optional(),
});

export const CourseClose = z.strictObject({ version, cancellationReason: codeFrom('cancellationReasons') });

export const EncounterCreate = z.strictObject({
  purpose: z.enum(['clarifying_conversation', 'needs_conversation', 'session', 'closing_conversation', 'other'])
    .describe('A clarifying conversation can only be booked here (status planned); holding it is the clarifying-conversation step'),
  class: EncounterClass,
  startAt: isoDateTime,
  endAt: isoDateTime,
  status: z.enum(['planned', 'arrived', 'in-progress', 'finished', 'cancelled', 'no-show']),
  interventionId: id.optional(),
  note: z.string().max(4000).optional(),
  observations: z.array(ObservationInput).max(30).default([]),
});

export const EncounterUpdate = z.strictObject({
  version,
  status: z.enum(['planned', 'arrived', 'in-progress', 'finished', 'cancelled', 'no-show']),
  note: z.string().max(4000).optional(),
});

export const InterventionUpdate = z.strictObject({
  version,
  status: z.enum(['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped']).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  teamId: id.nullable().optional(),
  cancellationReason: codeFrom('cancellationReasons').optional()
    .describe('KL cancellation reason: required when the status becomes cancelled or stopped, refused otherwise'),
});

export const ObservationCreate = ObservationInput.extend({ encounterId: id.optional() });

const nullableString = z.string().nullable();
export const CourseOut = z.object({
  referral: z.lazy(() => ReferralOutRef),
  contactAttempts: z.array(z.object({ id, attemptedAt: z.string(), channel: z.string(), outcome: z.string(), note: nullableString, enteredInError: z.boolean(), version: z.number() })),
  encounters: z.array(z.object({ id, pathwayId: id.nullable(), interventionId: id.nullable(), purpose: z.string(), class: z.string(), startAt: z.string(), endAt: z.string(), status: z.string(), note: nullableString, version: z.number() })),
  pathways: z.array(z.object({ id, category: z.string(), grantedOn: z.string(), endedOn: nullableString, status: z.string(), cancellationReason: nullableString, coordinatorId: id.nullable(), performerOrganizationId: id.nullable(), version: z.number() })),
  interventions: z.array(z.object({ id, pathwayId: id.nullable(), fsiiiCode: nullableString, localCode: nullableString, localDisplay: nullableString, deliveryType: z.string(), teamId: id.nullable(), performerUserId: id.nullable(), grantedOn: z.string(), startDate: nullableString, endDate: nullableString, status: z.string(), cancellationReason: nullableString, conditionIds: z.array(id), version: z.number() })),
  conditions: z.array(z.object({ id, code: z.string(), recordedOn: z.string(), clinicalStatus: z.string(), verificationStatus: z.string(), note: nullableString, version: z.number() })),
  observations: z.array(z.object({ id, encounterId: id.nullable(), measure: z.string(), loinc: nullableString, value: z.number(), unit: z.string(), timePoint: z.string(), effectiveAt: z.string(), status: z.string(), version: z.number() })),
});
import { ReferralOut as ReferralOutRef } from '../referrals/referral-schemas.ts';
