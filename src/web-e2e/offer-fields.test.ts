import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { da, type MessageKey } from '../../web/src/messages.ts';
import type { Offer } from '../../web/src/api-planning.ts';
import { emptyOffer, offerBody, offerFieldOf, offerFields, validateOffer } from '../../web/src/pages/planning/offer-fields.ts';

const t = (key: MessageKey, params: Record<string, string | number> = {}) => da[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const offer: Offer = {
  id: 'o1', internalName: 'Diabetes, arabisk', publicName: 'Sund hverdag', interventionCodes: ['a', 'b'], diseases: ['type2_diabetes'], deliveryMode: 'group',
  languages: ['da', 'ar'], sessionMinutes: 90, sessionCount: 6, capacity: null, supportLevel: 'extended', features: ['interpreter'], priceDkk: 12.5,
  variantOf: 'o0', variantKind: 'easier', completionThreshold: 0.8, timeOfDay: 'evening', genderSpecific: null, accessibility: null,
  places: [{ id: 'p1', name: 'Sundhedshuset', kind: 'health_house', area: null }], variants: [], upcomingTeams: 0, version: 3,
};

/** The offer form's pure core: prefilling from an offer, the body it sends back, and the checks before sending. */
describe('the offer form\'s fields', () => {
  it('sends back what it was prefilled with, unchanged (Danish decimal comma, no capacity, 80 %)', () => {
    const f = offerFields(offer);
    assert.deepEqual([f.priceDkk, f.capacity, f.completion, f.languages, f.placeIds], ['12,5', '', '80', 'da, ar', ['p1']]);
    assert.deepEqual(offerBody(f), {
      internalName: 'Diabetes, arabisk', publicName: 'Sund hverdag', interventionCodes: ['a', 'b'], diseases: ['type2_diabetes'], deliveryMode: 'group', languages: ['da', 'ar'],
      sessionCount: 6, sessionMinutes: 90, capacity: null, supportLevel: 'extended', features: ['interpreter'], timeOfDay: 'evening', genderSpecific: null, accessibility: null,
      priceDkk: 12.5, variantOf: 'o0', variantKind: 'easier', completionThreshold: 0.8, placeIds: ['p1'],
    });
  });

  it('refuses a public name that labels the target group, naming the field and the word, as for a new offer', () => {
    const errors = validateOffer(t, { ...offerFields(offer), publicName: 'Gåtur for ledige' });
    assert.deepEqual(Object.keys(errors), ['publicName']);
    assert.match(errors.publicName!, /^Offentligt navn må ikke sætte mærkat på målgruppen \(her: "ledig"\)/);
    assert.deepEqual(validateOffer(t, offerFields(offer)), {}, 'the offer as read passes');
  });

  it('names every missing or malformed field in Danish', () => {
    const errors = validateOffer(t, { ...emptyOffer, sessionCount: 'otte', capacity: '12 pladser' });
    assert.deepEqual(errors, {
      internalName: 'Internt navn skal udfyldes.', publicName: 'Offentligt navn skal udfyldes.', interventionCodes: 'Vælg mindst én Indsatser (FSIII).',
      sessionCount: 'Mødegange skal være et tal, fx 92,5.', capacity: 'Pladser skal være et tal, fx 92,5.',
    });
  });

  it('puts the server\'s field paths on the form\'s fields', () => {
    assert.deepEqual(['interventionCodes.0', 'completionThreshold', 'placeIds.2', 'publicName'].map(offerFieldOf), ['interventionCodes', 'completion', 'placeIds', 'publicName']);
  });
});
