import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { addDays, daysBetween, localDate, startOfDay, weekOf } from './calendar.ts';
import { nextContact } from './contact-rule.ts';
import type { WorklistQuery, Worklists } from './worklist-schemas.ts';
import { pageOf, pageWindow } from './paging.ts';

const iso = (d: Date | string): string => new Date(d).toISOString();
const nameOf = (r: { given_name: string; family_name: string }): string => `${r.given_name} ${r.family_name}`;

/** Follow-up conversations are due this long after a pathway ended. */
export const FOLLOW_UP_AFTER_DAYS = 182;
/** "My citizens" shows next steps due within this many days. */
export const MY_CITIZENS_HORIZON_DAYS = 7;

interface PersonRow { referral_id: string; citizen_id: string; given_name: string; family_name: string; version: number }
const person = (r: PersonRow) => ({ referralId: r.referral_id, citizenId: r.citizen_id, citizenName: nameOf(r), referralVersion: r.version });

/** Lists whose membership a rule decides after the query are read up to this many candidates, then paged in memory. */
const CANDIDATE_CAP = 5000;

/**
 * One page of a list the SQL decides alone: counts the whole list, then reads only the requested page
 * (`sql` is a SELECT without ORDER BY; `order` sorts it).
 */
async function sqlPage<T>(tx: Queryable, sql: string, order: string, params: unknown[], requested: number, pageSize: number) {
  const total = (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) listed`, params)).rows[0]!.n;
  const { offset, ...paging } = pageWindow(requested, pageSize, total);
  const rows = (await tx.query<T>(`${sql} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, pageSize, offset])).rows;
  return { rows, paging };
}

/**
 * The front page of one staff member, one page of each list. Every citizen listed on the returned
 * pages is audit-logged, as any list of citizens is.
 */
export async function buildWorklists(tx: Queryable, actor: Actor & { userId: string }, now: Date, query: WorklistQuery): Promise<Worklists> {
  const { contactLimitDays, pageSize } = query;
  const today = localDate(now);
  const { monday, nextMonday } = weekOf(today);
  const weekStart = startOfDay(monday).toISOString();
  const weekEnd = startOfDay(nextMonday).toISOString();
  const tomorrow = startOfDay(addDays(today, 1)).getTime();
  const todayStart = startOfDay(today).getTime();
  const isToday = (d: Date | string) => { const t = new Date(d).getTime(); return t >= todayStart && t < tomorrow; };

  const fresh = await sqlPage<PersonRow & { received_at: Date; source_code: string }>(tx,
    `SELECT r.id AS referral_id, r.citizen_id, r.version, r.received_at, r.source_code, c.given_name, c.family_name
       FROM referral r JOIN citizen c ON c.id = r.citizen_id
      WHERE r.stage = 'received'
        AND NOT EXISTS (SELECT 1 FROM contact_attempt a WHERE a.referral_id = r.id AND NOT a.entered_in_error)`,
    'received_at, referral_id', [], query.newPage, pageSize);

  const tried = (await tx.query<PersonRow & { received_at: Date; phone_tries: number; letters: number; last_at: Date; last_channel: string; last_outcome: string }>(
    `SELECT r.id AS referral_id, r.citizen_id, r.version, r.received_at, c.given_name, c.family_name,
            count(*) FILTER (WHERE a.channel = 'phone')::int AS phone_tries,
            count(*) FILTER (WHERE a.channel IN ('letter', 'digital_post'))::int AS letters,
            max(a.attempted_at) AS last_at,
            (array_agg(a.channel ORDER BY a.attempted_at DESC))[1] AS last_channel,
            (array_agg(a.outcome ORDER BY a.attempted_at DESC))[1] AS last_outcome
       FROM referral r JOIN citizen c ON c.id = r.citizen_id
       JOIN contact_attempt a ON a.referral_id = r.id AND NOT a.entered_in_error
      WHERE r.stage = 'received'
      GROUP BY r.id, r.citizen_id, r.version, r.received_at, c.given_name, c.family_name
      ORDER BY last_at LIMIT ${CANDIDATE_CAP}`)).rows;
  const contactsDue = pageOf(tried.map((r) => {
    const next = nextContact({ phoneTries: r.phone_tries, letters: r.letters, lastChannel: r.last_channel, lastOutcome: r.last_outcome, lastOn: localDate(new Date(r.last_at)) });
    return {
      ...person(r), receivedAt: iso(r.received_at), phoneTries: r.phone_tries, letters: r.letters, lastAttemptAt: iso(r.last_at),
      lastChannel: r.last_channel, lastOutcome: r.last_outcome, nextAction: next.action, dueOn: next.dueOn,
    };
  }).filter((r) => r.dueOn <= today).sort((a, b) => a.dueOn.localeCompare(b.dueOn)), query.contactPage, pageSize);

  const conversations = await sqlPage<PersonRow & { encounter_id: string; start_at: Date; end_at: Date; class: string }>(tx,
    `SELECT e.id AS encounter_id, e.start_at, e.end_at, e.class, r.id AS referral_id, r.citizen_id, r.version, c.given_name, c.family_name
       FROM encounter e JOIN referral r ON r.id = e.referral_id JOIN citizen c ON c.id = r.citizen_id
      WHERE e.purpose = 'clarifying_conversation' AND e.status = 'planned' AND r.stage IN ('received', 'contacted')
        AND e.start_at >= $1 AND e.start_at < $2`, 'start_at, encounter_id', [weekStart, weekEnd], query.conversationPage, pageSize);

  const mine = (await tx.query<PersonRow & { stage: string; ended_on: string | null; first_session: Date | null; last_session: Date | null; planned_conversation: Date | null }>(
    `SELECT r.id AS referral_id, r.citizen_id, r.version, r.stage, c.given_name, c.family_name, p.ended_on::text AS ended_on,
            s.first_session, s.last_session,
            (SELECT min(e.start_at) FROM encounter e WHERE e.referral_id = r.id AND e.purpose = 'clarifying_conversation' AND e.status = 'planned') AS planned_conversation
       FROM referral r JOIN citizen c ON c.id = r.citizen_id
       LEFT JOIN LATERAL (SELECT * FROM pathway p WHERE p.referral_id = r.id AND p.status <> 'entered-in-error' ORDER BY p.created_at DESC LIMIT 1) p ON true
       LEFT JOIN LATERAL (SELECT min(ts.start_at) AS first_session, max(ts.start_at) AS last_session
                            FROM intervention i JOIN team_session ts ON ts.team_id = i.team_id AND ts.status <> 'cancelled'
                           WHERE i.referral_id = r.id AND i.status <> 'entered-in-error') s ON true
      WHERE r.stage IN ('contacted', 'clarified', 'planned', 'active', 'ended')
        -- Once a pathway has a coordinator, the course is theirs (and the performers'); before that, whoever worked on it.
        AND (p.coordinator_id = $1
             OR EXISTS (SELECT 1 FROM intervention i WHERE i.referral_id = r.id AND i.performer_user_id = $1)
             OR (p.coordinator_id IS NULL AND (r.created_by = $1
               OR EXISTS (SELECT 1 FROM contact_attempt a WHERE a.referral_id = r.id AND a.performed_by = $1)
               OR EXISTS (SELECT 1 FROM encounter e WHERE e.referral_id = r.id AND e.performed_by = $1 AND e.purpose <> 'session'))))
        -- Only completed pathways get the follow-up conversation; a drop-out's course has no next step.
        AND (r.stage <> 'ended' OR p.status = 'completed')
      LIMIT ${CANDIDATE_CAP}`, [actor.userId])).rows;
  const horizon = addDays(today, MY_CITIZENS_HORIZON_DAYS);
  const myCitizens = pageOf(mine.flatMap((r) => {
    const due = nextStepOf(r, today);
    return due && due.dueOn <= horizon ? [{ ...person(r), stage: r.stage, ...due }] : [];
  }).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.citizenName.localeCompare(b.citizenName, 'da') || a.referralId.localeCompare(b.referralId)),
  query.minePage, pageSize);

  const sessions = await sqlPage<{ id: string; team_id: string; name: string; number: number; session_count: number | null; start_at: Date; end_at: Date; location: string | null; status: string; participants: number }>(tx,
    `SELECT ts.id, ts.team_id, t.name, ts.number, t.session_count, ts.start_at, ts.end_at, coalesce(ts.location, t.location) AS location, ts.status,
            (SELECT count(DISTINCT i.referral_id)::int FROM intervention i
              WHERE i.team_id = t.id AND i.status NOT IN ('entered-in-error', 'cancelled')
                AND (i.end_date IS NULL OR i.end_date >= ts.start_at::date)) AS participants
       FROM team_session ts JOIN team t ON t.id = ts.team_id
      WHERE ts.start_at >= $1 AND ts.start_at < $2`, 'start_at, name, id', [weekStart, weekEnd], query.teamPage, pageSize);

  const listed = new Map<string, string>();
  for (const r of [...fresh.rows, ...conversations.rows]) listed.set(r.referral_id, r.citizen_id);
  for (const r of [...contactsDue.items, ...myCitizens.items]) listed.set(r.referralId, r.citizenId);
  await appendAudit(tx, actor, now, [...listed].map(([referralId, citizenId]) => ({
    action: 'search' as const, resourceType: 'Referral', resourceId: referralId, citizenId, detail: { list: 'worklist' },
  })));

  return {
    today, contactLimitDays,
    newReferrals: fresh.rows.map((r) => {
      const days = daysBetween(localDate(new Date(r.received_at)), today);
      return { ...person(r), receivedAt: iso(r.received_at), sourceCode: r.source_code, daysSinceReceived: days, overdue: days > contactLimitDays };
    }),
    contactsDue: contactsDue.items,
    conversations: conversations.rows.map((r) => ({ ...person(r), encounterId: r.encounter_id, startAt: iso(r.start_at), endAt: iso(r.end_at), class: r.class, today: isToday(r.start_at) })),
    myCitizens: myCitizens.items,
    teamSessions: sessions.rows.map((s) => ({
      sessionId: s.id, teamId: s.team_id, teamName: s.name, number: s.number, sessionCount: s.session_count, startAt: iso(s.start_at), endAt: iso(s.end_at),
      location: s.location, status: s.status, participants: s.participants, today: isToday(s.start_at),
    })),
    paging: { newReferrals: fresh.paging, contactsDue: contactsDue.paging, conversations: conversations.paging, myCitizens: myCitizens.paging, teamSessions: sessions.paging },
  };
}

/** The next step of a course a staff member is responsible for, and the local date it is due. */
export function nextStepOf(
  r: { stage: string; ended_on: string | null; first_session: Date | null; last_session: Date | null; planned_conversation: Date | null },
  today: string,
): { nextStep: string; dueOn: string } | null {
  switch (r.stage) {
    case 'contacted': return { nextStep: 'hold_clarifying_conversation', dueOn: r.planned_conversation ? localDate(new Date(r.planned_conversation)) : today };
    case 'clarified': return { nextStep: 'grant_pathway', dueOn: today };
    case 'planned': return { nextStep: 'start_pathway', dueOn: r.first_session ? localDate(new Date(r.first_session)) : today };
    case 'active': return r.last_session ? { nextStep: 'end_pathway', dueOn: localDate(new Date(r.last_session)) } : null;
    case 'ended': return r.ended_on ? { nextStep: 'follow_up', dueOn: addDays(r.ended_on, FOLLOW_UP_AFTER_DAYS) } : null;
    default: return null;
  }
}
