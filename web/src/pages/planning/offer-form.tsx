import type { Offer, Place } from '../../api-planning.ts';
import { useCodes, SUPERSEDED_INTERVENTIONS } from '../../codes.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Radios, Select, TextArea, TextField, type Errors } from '../../ui/form.tsx';
import { CheckboxGroup, splitList } from '../../ui/choices.tsx';
import { deliveryModes, supportFeatures, supportLevels, timesOfDay } from '../../../../src/offers/offer-vocabulary.ts';
import { labelsTargetGroup } from '../../../../src/offers/public-name.ts';
import { diagnosisGroups } from '../../../../src/domain/social-position.ts';

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

/** The offer's fields, for creating and for editing; `self` is left out of the offers it can be a variant of. */
export function OfferFieldset({ f, set, errors, offers, places, self }: {
  f: OfferFields; set: <K extends keyof OfferFields>(k: K) => (v: OfferFields[K]) => void; errors: Errors; offers: Offer[]; places: Place[]; self?: string;
}) {
  const { t } = useI18n();
  const codes = useCodes();
  return (
    <>
      <div className="field-row">
        <TextField id="internalName" label={`${t('offers.internal')} ${t('form.required')}`} value={f.internalName} onChange={set('internalName')} errors={errors} />
        <TextField id="publicName" label={`${t('offers.public')} ${t('form.required')}`} hint={t('offers.publicHint')} value={f.publicName} onChange={set('publicName')} errors={errors} />
      </div>
      <CheckboxGroup id="interventionCodes" legend={`${t('offers.interventions')} ${t('form.required')}`} value={f.interventionCodes} onChange={set('interventionCodes')}
        options={codes.valueSets.interventions119.filter((c) => !SUPERSEDED_INTERVENTIONS.has(c.display) || f.interventionCodes.includes(c.code)).map((c) => ({ value: c.code, label: c.display }))} />
      {errors.interventionCodes && <p className="form-error-message" id="interventionCodes-error">{errors.interventionCodes}</p>}
      <CheckboxGroup id="diseases" legend={t('offers.diseases')} value={f.diseases} onChange={set('diseases')} options={diagnosisGroups.map((d) => ({ value: d, label: t(`disease.${d}` as MessageKey) }))} />
      <Radios id="deliveryMode" legend={t('offers.delivery')} value={f.deliveryMode} onChange={set('deliveryMode')} errors={errors} options={deliveryModes.map((d) => ({ value: d, label: t(`delivery.${d}` as MessageKey) }))} />
      <div className="field-row">
        <TextField id="languages" label={t('offers.languages')} hint={t('offers.languagesHint')} value={f.languages} onChange={set('languages')} errors={errors} className="input-width-s" />
        <TextField id="sessionCount" label={t('offers.sessions')} value={f.sessionCount} onChange={set('sessionCount')} errors={errors} inputMode="numeric" className="input-width-xs" />
        <TextField id="sessionMinutes" label={t('offers.sessionMinutes')} value={f.sessionMinutes} onChange={set('sessionMinutes')} errors={errors} inputMode="numeric" className="input-width-xs" />
        <TextField id="capacity" label={t('offers.capacity')} value={f.capacity} onChange={set('capacity')} errors={errors} inputMode="numeric" className="input-width-xs" optional />
        <TextField id="completion" label={t('offers.completion')} value={f.completion} onChange={set('completion')} errors={errors} inputMode="numeric" className="input-width-xs" />
        <TextField id="priceDkk" label={t('offers.price')} value={f.priceDkk} onChange={set('priceDkk')} errors={errors} inputMode="decimal" className="input-width-xs" />
      </div>
      <div className="field-row">
        <Select id="supportLevel" label={t('offers.support')} value={f.supportLevel} onChange={set('supportLevel')} errors={errors} options={supportLevels.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))} />
        <Select id="timeOfDay" label={t('offers.timeOfDay')} value={f.timeOfDay} onChange={set('timeOfDay')} errors={errors} optional placeholder="–" options={timesOfDay.map((x) => ({ value: x, label: t(`time.${x}` as MessageKey) }))} />
        <Select id="genderSpecific" label={t('offers.gender')} value={f.genderSpecific} onChange={set('genderSpecific')} errors={errors} optional placeholder={t('offers.genderNone')}
          options={['male', 'female'].map((x) => ({ value: x, label: t(`sex.${x}` as MessageKey) }))} />
      </div>
      <CheckboxGroup id="features" legend={t('offers.features')} value={f.features} onChange={set('features')} options={supportFeatures.map((x) => ({ value: x, label: t(`feature.${x}` as MessageKey) }))} />
      {places.length > 0 && <CheckboxGroup id="placeIds" legend={t('offers.places')} value={f.placeIds} onChange={set('placeIds')} options={places.map((p) => ({ value: p.id, label: `${p.name} (${t(`place.kind.${p.kind}` as MessageKey)})` }))} />}
      <div className="field-row">
        <Select id="variantOf" label={t('offers.variantOf')} value={f.variantOf} onChange={set('variantOf')} errors={errors} optional placeholder={t('offers.variantNone')}
          options={offers.filter((o) => o.id !== self).map((o) => ({ value: o.id, label: o.publicName }))} />
        {f.variantOf && <Select id="variantKind" label={t('offers.variantKind')} value={f.variantKind || 'more_support'} onChange={set('variantKind')} errors={errors} options={['easier', 'more_support'].map((x) => ({ value: x, label: t(`variant.${x}` as MessageKey) }))} />}
      </div>
      <TextArea id="accessibility" label={t('offers.accessibility')} value={f.accessibility} onChange={set('accessibility')} errors={errors} />
    </>
  );
}
