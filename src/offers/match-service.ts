import type { z } from 'zod';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../audit/audit-log.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { t, type Language, type MessageKey } from '../shared/i18n.ts';
import { diagnosisGroup, valueLabel, type DiagnosisGroup } from '../domain/social-position.ts';
import { localDate } from '../worklists/calendar.ts';
import { rankMatches, type OfferFacts, type Reason, type TeamFacts } from './matching.ts';
import type { Barrier, SupportLevel, TimeOfDay } from './offer-vocabulary.ts';
import type { Matches, MatchQuery, NeedsInput, NeedsOut } from './match-schemas.ts';

type NeedsRow = { barriers: string[]; preferred_times: string[]; preferred_weekdays: number[]; preferred_areas: string[]; note: string | null; version: number };

async function needsOf(tx: Queryable, citizenId: string): Promise<z.infer<typeof NeedsOut>> {
  const r = (await tx.query<NeedsRow>('SELECT barriers, preferred_times, preferred_weekdays, preferred_areas, note, version FROM citizen_need WHERE citizen_id = $1', [citizenId])).rows[0];
  return r
    ? { citizenId, barriers: r.barriers, preferredTimes: r.preferred_times, preferredWeekdays: r.preferred_weekdays.map(Number), preferredAreas: r.preferred_areas, note: r.note, version: r.version }
    : { citizenId, barriers: [], preferredTimes: [], preferredWeekdays: [], preferredAreas: [], note: null, version: null };
}

export async function readNeeds(tx: Queryable, actor: Actor, now: Date, citizenId: string) {
  if (!(await tx.query('SELECT 1 FROM citizen WHERE id = $1', [citizenId])).rows.length) throw notFound('Borger');
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'CitizenNeeds', resourceId: citizenId, citizenId }]);
  return needsOf(tx, citizenId);
}

/** Records barriers and preferences: the first time with version null, afterwards with the version read. */
export async function saveNeeds(tx: Queryable, actor: Actor, now: Date, citizenId: string, input: z.infer<typeof NeedsInput>) {
  const current = await needsOf(tx, citizenId);
  if (!(await tx.query('SELECT 1 FROM citizen WHERE id = $1', [citizenId])).rows.length) throw notFound('Borger');
  if (current.version !== input.version) throw new AppError('version_conflict', 'error.version_conflict', { resource: 'Borgerens behov', expected: input.version ?? 0, actual: current.version ?? 0 });
  const values = [input.barriers, input.preferredTimes, input.preferredWeekdays, input.preferredAreas, input.note, actor.userId, now.toISOString()];
  if (current.version === null) {
    await tx.query(`INSERT INTO citizen_need (municipality_id, citizen_id, barriers, preferred_times, preferred_weekdays, preferred_areas, note, recorded_by, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [actor.municipalityId, citizenId, ...values]);
  } else {
    await tx.query(`UPDATE citizen_need SET barriers = $2, preferred_times = $3, preferred_weekdays = $4, preferred_areas = $5, note = $6, recorded_by = $7, updated_at = $8,
      version = version + 1 WHERE citizen_id = $1`, [citizenId, ...values]);
  }
  await appendAudit(tx, actor, now, [{ action: current.version === null ? 'create' : 'update', resourceType: 'CitizenNeeds', resourceId: citizenId, citizenId }]);
  return needsOf(tx, citizenId);
}

type OfferRow = {
  id: string; public_name: string; diseases: DiagnosisGroup[]; languages: string[]; gender_specific: 'male' | 'female' | null; time_of_day: TimeOfDay | null;
  delivery_mode: OfferFacts['deliveryMode']; support_level: SupportLevel; features: OfferFacts['features']; places: OfferFacts['places'];
  variants: OfferFacts['variants']; teams: (TeamFacts & { startsOn: string })[];
};

/** Active offers with their places, variants (both ways) and the teams not yet started. */
async function offerFacts(tx: Queryable, today: string): Promise<OfferRow[]> {
  return (await tx.query<OfferRow>(
    `SELECT o.id, o.public_name, o.diseases, o.languages, o.gender_specific, o.time_of_day, o.delivery_mode, o.support_level, o.features,
       coalesce((SELECT json_agg(json_build_object('name', p.name, 'kind', p.kind, 'area', p.area)) FROM offer_place op JOIN place p ON p.id = op.place_id WHERE op.offer_id = o.id), '[]') AS places,
       coalesce((SELECT json_agg(json_build_object('id', v.id, 'publicName', v.public_name, 'supportLevel', v.support_level)) FROM offer v
                  WHERE v.active AND v.id <> o.id AND (v.variant_of = o.id OR v.id = o.variant_of OR (o.variant_of IS NOT NULL AND v.variant_of = o.variant_of))), '[]') AS variants,
       coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'startsOn', t.starts_on, 'startTime', to_char(t.start_time, 'HH24:MI'), 'weekday', t.weekday,
                   'language', t.language, 'capacity', t.capacity,
                   'place', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('name', p.name, 'kind', p.kind, 'area', p.area) END,
                   'participants', (SELECT count(DISTINCT i.referral_id) FROM intervention i WHERE i.team_id = t.id AND i.status NOT IN ('entered-in-error', 'cancelled', 'stopped', 'completed')),
                   'waiting', (SELECT count(*) FROM team_waiting w WHERE w.team_id = t.id AND w.status IN ('waiting', 'offered'))) ORDER BY t.starts_on)
                  FROM team t LEFT JOIN place p ON p.id = t.place_id WHERE t.offer_id = o.id AND t.starts_on >= $1::date), '[]') AS teams
       FROM offer o WHERE o.active ORDER BY o.public_name`, [today])).rows;
}

type CitizenRow = {
  citizen_id: string; sex: 'male' | 'female'; preferred_language: string; received_at: Date; sp_language: string | null; interpreter: string | null;
  diagnoses: { system: string; code: string }[]; stratified: 'self_managed' | 'standard' | 'extended' | null;
};

/** The assessment's levels (migration 016) in the catalogue's words: a citizen who manages alone fits a light offer. */
const levelOfStratification = { self_managed: 'light', standard: 'standard', extended: 'extended' } as const;

/** Ranks offers and teams for the citizen of a referral and explains each suggestion in the caller's language. */
export async function matchesFor(tx: Queryable, actor: Actor, now: Date, lang: Language, referralId: string, query: z.infer<typeof MatchQuery>): Promise<z.infer<typeof Matches>> {
  const c = (await tx.query<CitizenRow>(
    `SELECT r.citizen_id, c.sex, c.preferred_language, r.received_at,
       (SELECT value FROM social_position_item s WHERE s.citizen_id = c.id AND s.item = 'preferred_language' AND NOT s.entered_in_error AND s.value NOT IN ('unknown', 'prefer_not_to_say') ORDER BY recorded_on DESC, created_at DESC LIMIT 1) AS sp_language,
       (SELECT value FROM social_position_item s WHERE s.citizen_id = c.id AND s.item = 'interpreter_needed' AND NOT s.entered_in_error ORDER BY recorded_on DESC, created_at DESC LIMIT 1) AS interpreter,
       coalesce((SELECT json_agg(json_build_object('system', d.system, 'code', d.code) ORDER BY d.position) FROM referral_diagnosis d WHERE d.referral_id = r.id AND d.verification_status = 'confirmed'), '[]') AS diagnoses,
       (SELECT s.final_level FROM stratification s WHERE s.referral_id = r.id AND s.status = 'final' ORDER BY s.decided_at DESC, s.created_at DESC LIMIT 1) AS stratified
       FROM referral r JOIN citizen c ON c.id = r.citizen_id WHERE r.id = $1`, [referralId])).rows[0];
  if (!c) throw notFound('Henvisning');
  const needs = await needsOf(tx, c.citizen_id);
  const language = c.sp_language ?? c.preferred_language;
  const diseases = [...new Set(c.diagnoses.map((d) => diagnosisGroup(d.system, d.code)))];
  const citizen = {
    language, interpreterNeeded: c.interpreter === 'yes', sex: c.sex, diagnosisGroups: diseases, barriers: needs.barriers as Barrier[], preferredTimes: needs.preferredTimes as TimeOfDay[],
    preferredWeekdays: needs.preferredWeekdays, preferredAreas: needs.preferredAreas, supportLevel: query.supportLevel ?? (c.stratified ? levelOfStratification[c.stratified] : null), referredOn: localDate(new Date(c.received_at)),
  };
  const offers = (await offerFacts(tx, localDate(now))).map((o): OfferFacts => ({
    id: o.id, publicName: o.public_name, diseases: o.diseases, languages: o.languages, genderSpecific: o.gender_specific, timeOfDay: o.time_of_day, deliveryMode: o.delivery_mode,
    supportLevel: o.support_level, features: o.features, places: o.places, variants: o.variants, teams: o.teams,
  }));
  const ranked = rankMatches(citizen, offers, query.maxDaysToStart);
  await appendAudit(tx, actor, now, [{ action: 'read', resourceType: 'OfferMatch', resourceId: referralId, citizenId: c.citizen_id }]);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const teamOf = (offerId: string, teamId: string | null) => (teamId ? offerById.get(offerId)!.teams.find((tm) => tm.id === teamId)! : null);
  return {
    citizen: { citizenId: c.citizen_id, referralId, language, interpreterNeeded: citizen.interpreterNeeded, diseases, referredOn: citizen.referredOn, supportLevel: citizen.supportLevel, needs },
    suggestions: ranked.suggestions.map((s) => {
      const team = teamOf(s.offerId, s.teamId);
      return {
        offerId: s.offerId, offerName: offerById.get(s.offerId)!.publicName, teamId: s.teamId, teamName: team?.name ?? null, place: team?.place?.name ?? null,
        language: team?.language ?? null, startsOn: s.startsOn, startTime: team?.startTime ?? null, score: s.score, daysToStart: s.daysToStart, tooLate: s.tooLate, full: s.full,
        reasons: s.reasons.map((x) => ({ key: x.key, effect: x.weight > 0 ? 'plus' as const : x.weight < 0 ? 'minus' as const : 'info' as const, text: explain(lang, `match.${x.key}`, x.params) })),
      };
    }),
    excluded: ranked.excluded.map((e) => ({
      offerId: e.offerId, offerName: offerById.get(e.offerId)!.publicName, teamId: e.teamId, teamName: teamOf(e.offerId, e.teamId)?.name ?? null, text: explain(lang, `exclude.${e.key}`, e.params),
    })),
  };
}

/** A reason in words: codes among the parameters (disease, level, time, weekday, sex, language) become their names. */
function explain(lang: Language, key: string, params: Reason['params']): string {
  const label = (kind: string, v: string | number) => t(lang, `label.${kind}.${v}` as MessageKey);
  const named = Object.fromEntries(Object.entries(params).map(([k, v]) => [k,
    k === 'language' ? valueLabel('preferred_language', String(v), lang) ?? String(v)
      : ['disease', 'level', 'time', 'weekday', 'sex'].includes(k) ? label(k, v) : v]));
  return t(lang, key as MessageKey, named);
}
