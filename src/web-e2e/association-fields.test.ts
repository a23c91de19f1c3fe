import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { da, type MessageKey } from '../../web/src/messages.ts';
import type { PublicOffer } from '../../web/src/api-planning.ts';
import { associationOfferBody, associationOfferFields, validateAssociationOffer } from '../../web/src/pages/planning/association-fields.ts';

const t = (key: MessageKey, params: Record<string, string | number> = {}) => da[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const offer: PublicOffer & { associationId: string } = {
  id: 'ao1', associationId: 'a1', associationName: 'Gåklubben', associationWebsite: null, publicContact: null, activity: 'Gåtur', activityKind: 'walking', description: null,
  placeName: 'Søparken', address: null, area: null, weekdays: [2, 4], startTime: '10:00', scheduleNote: null, languages: ['da', 'ar'], introCourse: true, introNote: null,
  inclusiveness: 'adapted', inclusivenessNote: null, companionAvailable: true,
  links: [{ label: 'Hjemmeside', url: 'https://example.org', kind: 'website' }, { label: 'Video', url: 'https://example.org/video', kind: 'video' }],
};

/** The association offer form edits the video link; the other links of an offer are kept as they are. */
describe('the association offer form\'s fields', () => {
  it('prefills the video link and sends the other links back unchanged', () => {
    const f = associationOfferFields(offer);
    assert.deepEqual([f.videoUrl, f.languages, f.weekdays, f.area], ['https://example.org/video', 'da, ar', [2, 4], '']);
    const body = associationOfferBody(t, { ...f, videoUrl: 'https://example.org/ny-video' }, offer.links);
    assert.deepEqual(body.links, [{ label: 'Hjemmeside', url: 'https://example.org', kind: 'website' }, { label: 'Link til video', url: 'https://example.org/ny-video', kind: 'video' }]);
    assert.deepEqual(associationOfferBody(t, { ...f, videoUrl: ' ' }, offer.links).links.map((l) => l.kind), ['website'], 'an emptied video field removes the video only');
    assert.deepEqual([body.area, body.languages], [null, ['da', 'ar']]);
  });

  it('names the missing activity and meeting place in Danish', () => {
    assert.deepEqual(validateAssociationOffer(t, { ...associationOfferFields(offer), activity: ' ', placeName: '' }),
      { activity: 'Aktivitet (overskrift) skal udfyldes.', placeName: 'Mødested skal udfyldes.' });
  });
});
