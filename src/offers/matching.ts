import type { DiagnosisGroup } from '../domain/social-position.ts';
import { daysBetween } from '../worklists/calendar.ts';
import { isoWeekday } from '../teams/schedule.ts';
import { timeOfDayOf, type Barrier, type DeliveryMode, type PlaceKind, type SupportFeature, type SupportLevel, type TimeOfDay } from './offer-vocabulary.ts';

/**
 * Ranks offers and teams for one citizen, and says why. Pure: the service gathers the facts, this
 * weighs them. Some things rule a suggestion out (a disease the offer is not for, a gender-specific
 * offer for the other sex, a team in a language the citizen does not speak); everything else adds or
 * subtracts, and every addition or subtraction is a reason shown to the professional.
 */
export interface CitizenNeeds {
  language: string;
  interpreterNeeded: boolean;
  sex: 'male' | 'female';
  diagnosisGroups: readonly DiagnosisGroup[];
  barriers: readonly Barrier[];
  preferredTimes: readonly TimeOfDay[];
  preferredWeekdays: readonly number[];
  preferredAreas: readonly string[];
  /** From the stratification when there is one; null when nobody has assessed it. */
  supportLevel: SupportLevel | null;
  referredOn: string;
}

export interface PlaceFacts { name: string; kind: PlaceKind; area: string | null }
export interface TeamFacts {
  id: string; name: string; startsOn: string; startTime: string | null; weekday: number | null; language: string;
  place: PlaceFacts | null; capacity: number | null; participants: number; waiting: number;
}
export interface OfferFacts {
  id: string; publicName: string; diseases: readonly DiagnosisGroup[]; languages: readonly string[]; genderSpecific: 'male' | 'female' | null;
  timeOfDay: TimeOfDay | null; deliveryMode: DeliveryMode; supportLevel: SupportLevel; features: readonly SupportFeature[];
  places: readonly PlaceFacts[]; variants: readonly { id: string; publicName: string; supportLevel: SupportLevel }[];
  teams: readonly TeamFacts[];
}

export type ReasonKey =
  | 'disease_fits' | 'disease_open' | 'gender_specific' | 'support_fits' | 'support_too_light' | 'support_more_than_needed' | 'variant_exists'
  | 'language_same' | 'language_interpreter' | 'language_danish' | 'time_preferred' | 'time_not_preferred' | 'weekday_preferred'
  | 'weekday_not_preferred' | 'place_near' | 'place_far' | 'mobile_team' | 'transport_help' | 'transport_barrier' | 'no_travel' | 'childcare_available'
  | 'childcare_missing' | 'companion_welcome' | 'companion_unknown' | 'days_to_start' | 'too_late' | 'team_full' | 'no_team_planned';
export type ExclusionKey = 'disease_mismatch' | 'gender_mismatch' | 'language_mismatch';

export interface Reason { key: ReasonKey; weight: number; params: Record<string, string | number> }
export interface Suggestion {
  offerId: string; teamId: string | null; score: number; reasons: Reason[]; daysToStart: number | null; tooLate: boolean; full: boolean; startsOn: string | null;
}
export interface Exclusion { offerId: string; teamId: string | null; key: ExclusionKey; params: Record<string, string | number> }

/** Teams should not start "too long after the referral" (status report on the 17 projects); six weeks unless set. */
export const DEFAULT_MAX_DAYS_TO_START = 42;

const supportRank: Record<SupportLevel, number> = { light: 0, standard: 1, extended: 2 };

export function rankMatches(needs: CitizenNeeds, offers: readonly OfferFacts[], maxDaysToStart = DEFAULT_MAX_DAYS_TO_START): { suggestions: Suggestion[]; excluded: Exclusion[] } {
  const suggestions: Suggestion[] = [];
  const excluded: Exclusion[] = [];
  for (const offer of offers) {
    const offerLevel = offerReasons(needs, offer);
    if ('exclude' in offerLevel) { excluded.push({ offerId: offer.id, teamId: null, ...offerLevel.exclude }); continue; }
    const groupTeams = offer.deliveryMode === 'group';
    if (!groupTeams || offer.teams.length === 0) {
      const language = languageReason(needs, offer.languages);
      if ('exclude' in language) { excluded.push({ offerId: offer.id, teamId: null, ...language.exclude }); continue; }
      const places = offer.places.map((p) => placeReasons(needs, p, offer)).sort((a, b) => total(b) - total(a))[0] ?? placeReasons(needs, null, offer);
      const reasons = [...offerLevel.reasons, language.reason, ...places, ...(groupTeams ? [r('no_team_planned', 0)] : [])];
      suggestions.push({ offerId: offer.id, teamId: null, score: total(reasons), reasons, daysToStart: null, tooLate: false, full: false, startsOn: null });
      continue;
    }
    for (const team of offer.teams) {
      const language = languageReason(needs, [team.language]);
      if ('exclude' in language) { excluded.push({ offerId: offer.id, teamId: team.id, ...language.exclude }); continue; }
      const days = daysBetween(needs.referredOn, team.startsOn);
      const tooLate = days > maxDaysToStart;
      const full = team.capacity !== null && team.participants >= team.capacity;
      const reasons = [
        ...offerLevel.reasons, language.reason, ...timeReasons(needs, team), ...placeReasons(needs, team.place, offer),
        r('days_to_start', 0, { days }), ...(tooLate ? [r('too_late', -3, { days, max: maxDaysToStart })] : []),
        ...(full ? [r('team_full', -2, { waiting: team.waiting })] : []),
      ];
      suggestions.push({ offerId: offer.id, teamId: team.id, score: total(reasons), reasons, daysToStart: days, tooLate, full, startsOn: team.startsOn });
    }
  }
  suggestions.sort((a, b) => b.score - a.score || (a.startsOn ?? '9999').localeCompare(b.startsOn ?? '9999') || a.offerId.localeCompare(b.offerId));
  return { suggestions, excluded };
}

const r = (key: ReasonKey, weight: number, params: Record<string, string | number> = {}): Reason => ({ key, weight, params });
const total = (reasons: readonly Reason[]): number => reasons.reduce((s, x) => s + x.weight, 0);

function offerReasons(needs: CitizenNeeds, offer: OfferFacts): { reasons: Reason[] } | { exclude: Omit<Exclusion, 'offerId' | 'teamId'> } {
  const reasons: Reason[] = [];
  if (offer.diseases.length > 0) {
    const shared = offer.diseases.filter((d) => needs.diagnosisGroups.includes(d));
    if (shared.length === 0 && needs.diagnosisGroups.length > 0) return { exclude: { key: 'disease_mismatch', params: { disease: needs.diagnosisGroups[0]! } } };
    if (shared.length > 0) reasons.push(r('disease_fits', 3, { disease: shared[0]! }));
  } else reasons.push(r('disease_open', 1));
  if (offer.genderSpecific) {
    if (offer.genderSpecific !== needs.sex) return { exclude: { key: 'gender_mismatch', params: { sex: offer.genderSpecific } } };
    reasons.push(r('gender_specific', 1, { sex: offer.genderSpecific }));
  }
  if (needs.supportLevel) {
    const gap = supportRank[needs.supportLevel] - supportRank[offer.supportLevel];
    if (gap === 0) reasons.push(r('support_fits', 3, { level: offer.supportLevel }));
    else reasons.push(gap > 0 ? r('support_too_light', -3, { level: offer.supportLevel }) : r('support_more_than_needed', -1, { level: offer.supportLevel }));
    const variant = gap !== 0 ? offer.variants.find((v) => v.supportLevel === needs.supportLevel) : undefined;
    if (variant) reasons.push(r('variant_exists', 0, { name: variant.publicName, level: variant.supportLevel }));
  }
  return { reasons };
}

function languageReason(needs: CitizenNeeds, languages: readonly string[]): { reason: Reason } | { exclude: Omit<Exclusion, 'offerId' | 'teamId'> } {
  if (languages.includes(needs.language)) return { reason: r('language_same', 3, { language: needs.language }) };
  if (!languages.includes('da')) return { exclude: { key: 'language_mismatch', params: { language: languages[0] ?? 'da' } } };
  return { reason: needs.interpreterNeeded ? r('language_interpreter', -1, { language: needs.language }) : r('language_danish', -3, { language: needs.language }) };
}

function timeReasons(needs: CitizenNeeds, team: TeamFacts): Reason[] {
  const reasons: Reason[] = [];
  if (team.startTime && needs.preferredTimes.length > 0) {
    const time = timeOfDayOf(team.startTime);
    reasons.push(needs.preferredTimes.includes(time) ? r('time_preferred', 2, { time }) : r('time_not_preferred', -2, { time }));
  }
  const weekday = team.weekday ?? isoWeekday(team.startsOn);
  if (needs.preferredWeekdays.length > 0) {
    reasons.push(needs.preferredWeekdays.includes(weekday) ? r('weekday_preferred', 1, { weekday }) : r('weekday_not_preferred', -1, { weekday }));
  }
  return reasons;
}

function placeReasons(needs: CitizenNeeds, place: PlaceFacts | null, offer: OfferFacts): Reason[] {
  const reasons: Reason[] = [];
  const has = (f: SupportFeature) => offer.features.includes(f);
  const travels = offer.deliveryMode !== 'digital' && place?.kind !== 'online';
  const near = place?.area != null && needs.preferredAreas.includes(place.area);
  if (!travels) {
    if (needs.barriers.includes('transport') || needs.preferredAreas.length > 0) reasons.push(r('no_travel', 2));
  } else if (place) {
    if (near) reasons.push(r('place_near', 2, { place: place.name }));
    else if (needs.preferredAreas.length > 0) reasons.push(r('place_far', -1, { place: place.name }));
    if (place.kind === 'mobile' && near) reasons.push(r('mobile_team', 1, { place: place.name }));
    if (needs.barriers.includes('transport') && !near) reasons.push(has('transport_help') ? r('transport_help', 1) : r('transport_barrier', -2, { place: place.name }));
  }
  if (needs.barriers.includes('childcare')) reasons.push(has('childcare') || !travels ? r('childcare_available', 2) : r('childcare_missing', -2));
  if (needs.barriers.includes('companion')) reasons.push(has('companion_welcome') ? r('companion_welcome', 2) : r('companion_unknown', -1));
  return reasons;
}
