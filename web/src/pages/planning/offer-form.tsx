import type { Offer, Place } from '../../api-planning.ts';
import type { OfferFields } from './offer-fields.ts';
import { useCodes, SUPERSEDED_INTERVENTIONS } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Radios, Select, TextArea, TextField, type Errors } from '../../ui/form.tsx';
import { CheckboxGroup } from '../../ui/choices.tsx';
import { deliveryModes, supportFeatures, supportLevels, timesOfDay } from '../../../../src/offers/offer-vocabulary.ts';
import { diagnosisGroups } from '../../../../src/domain/social-position.ts';

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
