import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rankMatches, type CitizenNeeds, type OfferFacts, type TeamFacts } from './matching.ts';

const needs = (over: Partial<CitizenNeeds> = {}): CitizenNeeds => ({
  language: 'da', interpreterNeeded: false, sex: 'female', diagnosisGroups: ['type2_diabetes'], barriers: [], preferredTimes: [],
  preferredWeekdays: [], preferredAreas: [], supportLevel: null, referredOn: '2026-03-02', ...over,
});
const team = (id: string, over: Partial<TeamFacts> = {}): TeamFacts => ({
  id, name: id, startsOn: '2026-03-17', startTime: '10:00', weekday: 2, language: 'da',
  place: { name: 'Sundhedscentret', kind: 'health_centre', area: 'Centrum' }, capacity: 12, participants: 4, waiting: 0, ...over,
});
const offer = (id: string, over: Partial<OfferFacts> = {}): OfferFacts => ({
  id, publicName: id, diseases: ['type2_diabetes'], languages: ['da'], genderSpecific: null, timeOfDay: null, deliveryMode: 'group',
  supportLevel: 'standard', features: [], places: [], variants: [], teams: [team(`${id}-team`)], ...over,
});
const keys = (s: { reasons: { key: string }[] }) => s.reasons.map((x) => x.key);

describe('matching a citizen to offers and teams', () => {
  it('rules out offers for other diseases, gender-specific offers for the other sex, and teams in a language the citizen does not speak', () => {
    const { suggestions, excluded } = rankMatches(needs(), [
      offer('lungs', { diseases: ['copd'] }),
      offer('men', { genderSpecific: 'male', diseases: [] }),
      offer('arabic', { teams: [team('ar-team', { language: 'ar' })], languages: ['ar'] }),
      offer('diabetes'),
    ]);
    assert.deepEqual(suggestions.map((s) => s.offerId), ['diabetes']);
    assert.deepEqual(excluded.map((e) => [e.offerId, e.key]).sort(), [['arabic', 'language_mismatch'], ['lungs', 'disease_mismatch'], ['men', 'gender_mismatch']]);
  });

  it('puts the team in the citizen\'s own language first, and explains that a Danish team needs an interpreter', () => {
    const arabic = needs({ language: 'ar', interpreterNeeded: true });
    const { suggestions } = rankMatches(arabic, [offer('diabetes', { teams: [team('da-team'), team('ar-team', { language: 'ar' })], languages: ['da', 'ar'] })]);
    assert.deepEqual(suggestions.map((s) => s.teamId), ['ar-team', 'da-team']);
    assert.ok(keys(suggestions[0]!).includes('language_same'));
    assert.ok(keys(suggestions[1]!).includes('language_interpreter'));
  });

  it('prefers the citizen\'s times and district, and a mobile team close to home for one without transport', () => {
    const rural = needs({ preferredTimes: ['afternoon'], preferredAreas: ['Nørre Vium'], barriers: ['transport'] });
    const { suggestions } = rankMatches(rural, [offer('diabetes', { teams: [
      team('morning-centre'),
      team('afternoon-mobile', { startTime: '13:00', place: { name: 'Mobilt hold i forsamlingshuset', kind: 'mobile', area: 'Nørre Vium' } }),
    ] })]);
    assert.equal(suggestions[0]!.teamId, 'afternoon-mobile');
    assert.deepEqual(keys(suggestions[0]!).filter((k) => ['time_preferred', 'place_near', 'mobile_team'].includes(k)), ['time_preferred', 'place_near', 'mobile_team']);
    assert.ok(keys(suggestions[1]!).includes('transport_barrier'));
    assert.ok(keys(suggestions[1]!).includes('time_not_preferred'));
  });

  it('weighs childcare and a companion, and offers the more-support variant when the level does not fit', () => {
    const parent = needs({ barriers: ['childcare', 'companion'], supportLevel: 'extended' });
    const { suggestions } = rankMatches(parent, [
      offer('standard', { variants: [{ id: 'extra', publicName: 'Sund hverdag – med ekstra støtte', supportLevel: 'extended' }] }),
      offer('extra', { supportLevel: 'extended', features: ['childcare', 'companion_welcome'] }),
    ]);
    assert.equal(suggestions[0]!.offerId, 'extra');
    assert.deepEqual(keys(suggestions[0]!).filter((k) => k.startsWith('c') || k.startsWith('support')), ['support_fits', 'childcare_available', 'companion_welcome']);
    const standard = suggestions[1]!;
    assert.ok(keys(standard).includes('support_too_light'));
    assert.deepEqual(standard.reasons.find((x) => x.key === 'variant_exists')!.params, { name: 'Sund hverdag – med ekstra støtte', level: 'extended' });
  });

  it('shows the days from referral to start and flags a team starting too long after the referral', () => {
    const { suggestions } = rankMatches(needs(), [offer('diabetes', { teams: [team('soon', { startsOn: '2026-03-17' }), team('late', { startsOn: '2026-05-05' })] })]);
    const soon = suggestions.find((s) => s.teamId === 'soon')!;
    const late = suggestions.find((s) => s.teamId === 'late')!;
    assert.deepEqual([soon.daysToStart, soon.tooLate], [15, false]);
    assert.deepEqual([late.daysToStart, late.tooLate], [64, true]);
    assert.ok(soon.score > late.score);
    assert.deepEqual(late.reasons.find((x) => x.key === 'too_late')!.params, { days: 64, max: 42 });
  });

  it('marks a full team (the waiting list is the way in) and suggests digital offers without a team', () => {
    const { suggestions } = rankMatches(needs({ barriers: ['transport'] }), [
      offer('diabetes', { teams: [team('full', { participants: 12, waiting: 3 })] }),
      offer('app', { deliveryMode: 'digital', teams: [], diseases: [] }),
    ]);
    const full = suggestions.find((s) => s.teamId === 'full')!;
    assert.equal(full.full, true);
    assert.deepEqual(full.reasons.find((x) => x.key === 'team_full')!.params, { waiting: 3 });
    const app = suggestions.find((s) => s.offerId === 'app')!;
    assert.equal(app.teamId, null);
    assert.ok(keys(app).includes('no_travel'));
  });
});
