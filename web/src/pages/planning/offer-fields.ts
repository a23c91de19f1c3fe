import type { Offer } from '../../api-planning.ts';
import type { MessageKey } from '../../messages.ts';
import { labelsTargetGroup } from '../../../../src/offers/public-name.ts';

/**
 * The offer form's pure core: an offer as the form shows it, the request body it sends, and the
 * checks made before sending (no React, so `src/web-e2e/offer-fields.test.ts` runs it under Node).
 */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Errors = Record<string, string>;
/** "da, ar" as typed into a list field. */
export const splitList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);

/** The offer form's values as typed (numbers as text, so a wrong entry can be shown and corrected). */
export const emptyOffer = {
  internalName: '', publicName: '', interventionCodes: [] as string[], diseases: [] as string[], deliveryMode: 'group', languages: 'da', sessionCount: '8', sessionMinutes: '120',
  capacity: '12', supportLevel: 'standard', features: [] as string[], timeOfDay: '', genderSpecific: '', accessibility: '', priceDkk: '0', variantOf: '', variantKind: '',
  completion: '75', placeIds: [] as string[],
};
export type OfferFields = typeof emptyOffer;

/** An offer as read from the server, as the form shows it (prefilled for editing). */
export function offerFields(o: Offer): OfferFields {
  return {
    internalName: o.internalName, publicName: o.publicName, interventionCodes: o.interventionCodes, diseases: o.diseases, deliveryMode: o.deliveryMode,
    languages: o.languages.join(', '), sessionCount: String(o.sessionCount), sessionMinutes: String(o.sessionMinutes), capacity: o.capacity === null ? '' : String(o.capacity),
    supportLevel: o.supportLevel, features: o.features, timeOfDay: o.timeOfDay ?? '', genderSpecific: o.genderSpecific ?? '', accessibility: o.accessibility ?? '',
    priceDkk: String(o.priceDkk).replace('.', ','), variantOf: o.variantOf ?? '', variantKind: o.variantKind ?? '', completion: String(Math.round(o.completionThreshold * 100)),
    placeIds: o.places.map((p) => p.id),
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);

/** The request body for POST /api/offers and (with the version) PATCH /api/offers/:id. */
export function offerBody(f: OfferFields) {
  return {
    internalName: f.internalName.trim(), publicName: f.publicName.trim(), interventionCodes: f.interventionCodes, diseases: f.diseases, deliveryMode: f.deliveryMode,
    languages: splitList(f.languages), sessionCount: int(f.sessionCount), sessionMinutes: int(f.sessionMinutes), capacity: f.capacity.trim() ? int(f.capacity) : null,
    supportLevel: f.supportLevel, features: f.features, timeOfDay: f.timeOfDay || null, genderSpecific: f.genderSpecific || null, accessibility: f.accessibility.trim() || null,
    priceDkk: Number(f.priceDkk.replace(',', '.')) || 0, variantOf: f.variantOf || null, variantKind: f.variantOf ? f.variantKind || 'more_support' : null,
    completionThreshold: (int(f.completion) || 75) / 100, placeIds: f.placeIds,
  };
}

/** The checks the browser can make before sending; the server makes the same and more. */
export function validateOffer(t: Translate, f: OfferFields): Errors {
  const e: Errors = {};
  if (!f.internalName.trim()) e.internalName = t('rule.required', { label: t('offers.internal') });
  if (!f.publicName.trim()) e.publicName = t('rule.required', { label: t('offers.public') });
  else if (labelsTargetGroup(f.publicName)) e.publicName = t('rule.publicNameLabels', { label: t('offers.public'), word: labelsTargetGroup(f.publicName)!.trim() });
  if (f.interventionCodes.length === 0) e.interventionCodes = t('rule.min_items', { label: t('offers.interventions') });
  for (const [k, label] of [['sessionCount', 'offers.sessions'], ['sessionMinutes', 'offers.sessionMinutes']] as const) if (Number.isNaN(int(f[k]))) e[k] = t('rule.number', { label: t(label) });
  if (f.capacity.trim() && Number.isNaN(int(f.capacity))) e.capacity = t('rule.number', { label: t('offers.capacity') });
  return e;
}

/** Server field paths to the form's field ids. */
export const offerFieldOf = (p: string) => (p.startsWith('interventionCodes') ? 'interventionCodes' : p === 'completionThreshold' ? 'completion' : p.startsWith('placeIds') ? 'placeIds' : p);
