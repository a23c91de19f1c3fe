import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { getReferralRow } from '../referrals/referral-service.ts';
import { resolveQuestionnaire } from '../assessment/questionnaire-service.ts';
import { addDays, localDate, startOfDay } from '../worklists/calendar.ts';
import type { TimelineItem } from './timeline-schemas.ts';

const blank = { status: null, code: null, note: null, channel: null, outcome: null, purpose: null, class: null, teamName: null, title: null, timePoint: null, sessionNumber: null, codes: [], measurements: [],
  enteredInError: false, correction: null, version: null };
/** A record that can be marked entered in error from the timeline; once marked, it stays, flagged. */
const correctable = (correction: NonNullable<TimelineItem['correction']>, version: number, enteredInError: boolean) =>
  ({ enteredInError, correction: enteredInError ? null : correction, version });
const iso = (d: Date | string): string => new Date(d).toISOString();
/** Date-only events sort at the start of their day (starts) or just before its end (grants, ends). */
const dayStart = (date: string): string => startOfDay(date).toISOString();
const dayEnd = (date: string): string => new Date(startOfDay(addDays(date, 1)).getTime() - 60_000).toISOString();

type Obs = { id: string; encounter_id: string | null; measure: string; value: number; unit: string; time_point: string; effective_at: Date; version: number; status: string };

/**
 * Everything that happened in one course, oldest first, for the citizen page. Contact attempts,
 * encounters and measurements marked entered in error stay in it, flagged; their measurements are not
 * shown as values of other items. The read is audit-logged.
 */
export async function readTimeline(tx: Queryable, actor: Actor, now: Date, referralId: string) {
  const referral = await getReferralRow(tx, referralId);
  const q = async <T>(sql: string) => (await tx.query<T>(sql, [referralId])).rows;
  const [contacts, encounters, observations, conditions, pathways, interventions, responses, stratifications] = await Promise.all([
    q<{ id: string; attempted_at: Date; channel: string; outcome: string; note: string | null; version: number; entered_in_error: boolean }>(
      'SELECT id, attempted_at, channel, outcome, note, version, entered_in_error FROM contact_attempt WHERE referral_id = $1'),
    q<{ id: string; purpose: string; class: string; start_at: Date; status: string; note: string | null; team_name: string | null; number: number | null; version: number }>(
      `SELECT e.id, e.purpose, e.class, e.start_at, e.status, e.note, t.name AS team_name, ts.number, e.version
         FROM encounter e LEFT JOIN team_session ts ON ts.id = e.team_session_id LEFT JOIN team t ON t.id = ts.team_id
        WHERE e.referral_id = $1`),
    q<Obs>(`SELECT id, encounter_id, measure, value, unit, time_point, effective_at, version, status FROM observation WHERE referral_id = $1 ORDER BY measure`),
    q<{ code: string; recorded_on: string }>(`SELECT code, recorded_on::text FROM condition WHERE referral_id = $1 AND verification_status <> 'entered-in-error' ORDER BY created_at`),
    q<{ id: string; granted_on: string; ended_on: string | null; status: string; cancellation_reason: string | null; started_on: string | null }>(
      `SELECT p.id, p.granted_on::text, p.ended_on::text, p.status, p.cancellation_reason,
              (SELECT min(i.start_date)::text FROM intervention i WHERE i.pathway_id = p.id OR (i.referral_id = p.referral_id AND i.pathway_id IS NULL)) AS started_on
         FROM pathway p WHERE p.referral_id = $1 AND p.status <> 'entered-in-error'`),
    q<{ id: string; pathway_id: string | null; fsiii_code: string | null; local_display: string | null; status: string; end_date: string | null; cancellation_reason: string | null; pathway_ended: string | null }>(
      `SELECT i.id, i.pathway_id, i.fsiii_code, i.local_display, i.status, i.end_date::text, i.cancellation_reason,
              (SELECT p.ended_on::text FROM pathway p WHERE p.referral_id = i.referral_id AND p.status <> 'entered-in-error' ORDER BY p.created_at DESC LIMIT 1) AS pathway_ended
         FROM intervention i WHERE i.referral_id = $1 AND i.status <> 'entered-in-error' ORDER BY i.created_at`),
    // Answered questionnaires (one still being filled in is not an event yet) and support-level decisions.
    q<{ id: string; questionnaire_url: string; questionnaire_version: string; time_point: string; status: string; at: Date; version: number }>(
      `SELECT id, questionnaire_url, questionnaire_version, time_point, status, coalesce(completed_at, authored_at) AS at, version
         FROM questionnaire_response WHERE referral_id = $1 AND (status = 'completed' OR (status = 'entered-in-error' AND completed_at IS NOT NULL))`),
    q<{ id: string; final_level: string; status: string; decided_at: Date; version: number }>(
      'SELECT id, final_level, status, decided_at, version FROM stratification WHERE referral_id = $1'),
  ]);
  const titles = new Map<string, string>();
  for (const r of responses) {
    const key = `${r.questionnaire_url}|${r.questionnaire_version}`;
    if (!titles.has(key)) titles.set(key, await resolveQuestionnaire(tx, r.questionnaire_url, r.questionnaire_version).then((found) => found.questionnaire.title ?? r.questionnaire_url, () => r.questionnaire_url));
  }
  // Steps that only carry a date sort by when they were recorded, when that was on the same day.
  const recorded = new Map((await q<{ event: string; occurred_at: Date }>(
    `SELECT detail->>'event' AS event, max(occurred_at) AS occurred_at FROM audit_event
      WHERE resource_id = $1 AND action = 'transition' GROUP BY detail->>'event'`)).map((r) => [r.event, new Date(r.occurred_at)]));
  const onDay = (date: string, event: string, fallback: (d: string) => string): string => {
    const at = recorded.get(event);
    return at && localDate(at) === date ? at.toISOString() : fallback(date);
  };
  const measurement = (o: Obs) => ({ measure: o.measure, value: Number(o.value), unit: o.unit, timePoint: o.time_point });
  const items: TimelineItem[] = [
    { ...blank, at: iso(referral.received_at), dateOnly: false, kind: 'referral', id: referral.id, code: referral.source_code, note: referral.reason },
    ...contacts.map((c) => ({
      ...blank, at: iso(c.attempted_at), dateOnly: false, kind: 'contact_attempt' as const, id: c.id, channel: c.channel, outcome: c.outcome, note: c.note,
      ...correctable('contact-attempts', c.version, c.entered_in_error),
    })),
    ...encounters.map((e) => ({
      ...blank, at: iso(e.start_at), dateOnly: false, kind: e.purpose === 'session' ? 'session' as const : 'encounter' as const, id: e.id,
      status: e.status, purpose: e.purpose, class: e.class, note: e.note, teamName: e.team_name, sessionNumber: e.number,
      codes: e.purpose === 'clarifying_conversation' ? conditions.map((c) => c.code) : [],
      measurements: observations.filter((o) => o.encounter_id === e.id && o.status !== 'entered-in-error').map(measurement),
      ...correctable('encounters', e.version, e.status === 'entered-in-error'),
    })),
    ...observations.filter((o) => !o.encounter_id).map((o) => ({
      ...blank, at: iso(o.effective_at), dateOnly: false, kind: 'observation' as const, id: o.id, measurements: [measurement(o)],
      ...correctable('observations', o.version, o.status === 'entered-in-error'),
    })),
    ...pathways.flatMap((p) => [
      { ...blank, at: onDay(p.granted_on, 'grant_pathway', dayEnd), dateOnly: true, kind: 'pathway_granted' as const, id: p.id, codes: interventions.map((i) => i.fsiii_code ?? i.local_display ?? '') },
      ...(p.started_on ? [{ ...blank, at: onDay(p.started_on, 'start_pathway', dayStart), dateOnly: true, kind: 'pathway_started' as const, id: p.id }] : []),
      ...(p.ended_on ? [{ ...blank, at: onDay(p.ended_on, 'end_pathway', dayEnd), dateOnly: true, kind: 'pathway_ended' as const, id: p.id, status: p.status, code: p.cancellation_reason }] : []),
    ]),
    // Interventions ended on their own, before or apart from the pathway's end.
    ...interventions.filter((i) => i.end_date && i.end_date !== i.pathway_ended).map((i) => ({
      ...blank, at: dayEnd(i.end_date!), dateOnly: true, kind: 'intervention_ended' as const, id: i.id, status: i.status, code: i.cancellation_reason,
      codes: [i.fsiii_code ?? i.local_display ?? ''],
    })),
    ...responses.map((r) => ({
      ...blank, at: iso(r.at), dateOnly: false, kind: 'questionnaire' as const, id: r.id, status: r.status,
      title: titles.get(`${r.questionnaire_url}|${r.questionnaire_version}`)!, timePoint: r.time_point,
      ...correctable('questionnaire-responses', r.version, r.status === 'entered-in-error'),
    })),
    ...stratifications.map((r) => ({
      ...blank, at: iso(r.decided_at), dateOnly: false, kind: 'stratification' as const, id: r.id, status: r.status, code: r.final_level,
      ...correctable('stratifications', r.version, r.status === 'entered-in-error'),
    })),
    ...(referral.stage === 'closed' ? [{ ...blank, at: iso((referral as typeof referral & { updated_at: Date }).updated_at), dateOnly: false, kind: 'course_closed' as const, id: referral.id, code: referral.closed_reason }] : []),
  ];
  items.sort((a, b) => a.at.localeCompare(b.at));
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'CourseTimeline', resourceId: referralId, citizenId: referral.citizen_id }]);
  return { referralId, citizenId: referral.citizen_id, stage: referral.stage, items };
}
