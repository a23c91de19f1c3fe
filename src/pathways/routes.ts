import type { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { careRoles } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { errorResponses, IdParams } from '../shared/schemas.ts';
import { ReferralOut, VersionOnly } from '../referrals/referral-schemas.ts';
import { referralOut, type ReferralRow } from '../referrals/referral-service.ts';
import { ClarifyingConversation, ContactAttemptCreate, CourseClose, CourseOut, FollowUp, PathwayEnd, PathwayGrant, PathwayStart } from './course-schemas.ts';
import * as course from './course-service.ts';
import { readCourse } from './course-read.ts';

const tags = ['course'];

export function pathwayRoutes(app: Router, deps: Deps): void {
  app.get('/api/referrals/:id/course', {
    config: { policy: 'citizen.read', access: careRoles },
    schema: { tags, summary: 'The whole course of a referral: contacts, encounters, pathway, interventions, conditions, measurements', params: IdParams, response: { 200: CourseOut, ...errorResponses } },
  }, (req) => tenantRead(deps, req, (tx, actor) => readCourse(tx, actor, deps.clock(), req.params.id)) as Promise<z.infer<typeof CourseOut>>);

  /** Every step is a POST that names the referral version it was based on and returns the referral. */
  const step = <S extends z.ZodType<{ version: number }>>(path: string, summary: string, body: S,
    run: (tx: Queryable, actor: Actor, now: Date, id: string, input: z.infer<S>) => Promise<ReferralRow>) => {
    app.post(`/api/referrals/:id/${path}`, {
      config: { policy: 'citizen.write', access: careRoles },
      schema: { tags, summary, params: IdParams, body, response: { 200: ReferralOut, ...errorResponses } },
    }, (req, reply) => tenantWrite(deps, req, reply, 200, async (tx, actor) =>
      referralOut(tx, await run(tx, actor, deps.clock(), (req.params as { id: string }).id, req.body as z.infer<S>))));
  };

  step('contact-attempts', 'Record a contact attempt (phone, letter, SMS, in person); "reached" moves the course to "contacted"', ContactAttemptCreate, course.recordContactAttempt);
  step('clarifying-conversation', 'Hold the clarifying conversation (encounter, baseline measurements, FSIII conditions)', ClarifyingConversation, course.holdClarifyingConversation);
  step('pathway', 'Grant the pathway (forløb) with one or more interventions', PathwayGrant, course.grantPathway);
  step('start', 'Start the pathway and its interventions', PathwayStart, course.startPathway);
  step('end', 'End the pathway: completed, or cancelled/stopped with a KL cancellation reason', PathwayEnd, course.endPathway);
  step('follow-up', 'Record the follow-up conversation with follow-up measurements', FollowUp, course.recordFollowUp);
  step('close', 'Close a course that never became a pathway (e.g. never reached, declined), with a KL cancellation reason', CourseClose, course.closeCourse);
  step('entered-in-error', 'Mark the referral and its pathway as entered in error (kept, reported as entered-in-error)', VersionOnly,
    (tx, actor, now, id, input) => course.markReferralEnteredInError(tx, actor, now, id, input.version));
}
