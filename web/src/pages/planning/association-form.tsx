import type { Association } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Checkbox, Radios, Select, TextField, type Errors } from '../../ui/form.tsx';
import { CheckboxGroup } from '../../ui/choices.tsx';
import type { AssociationFields, AssociationOfferFields } from './association-fields.ts';

// The server's lists (src/associations/association-schemas.ts), kept here so the page does not bundle zod.
const activityKinds = ['walking', 'swimming', 'cycling', 'strength', 'dance', 'ball_games', 'yoga_mindfulness', 'golf_padel', 'outdoor', 'social', 'other'];
const inclusivenessLevels = ['adapted', 'welcoming', 'ordinary'];

type Setter<F> = <K extends keyof F>(k: K) => (v: F[K]) => void;

export function AssociationFieldset({ f, set, errors }: { f: AssociationFields; set: Setter<AssociationFields>; errors: Errors }) {
  const { t } = useI18n();
  return (
    <>
      <div className="field-row">
        <TextField id="associationName" label={`${t('registry.name')} ${t('form.required')}`} value={f.name} onChange={set('name')} errors={errors} />
        <TextField id="publicContact" label={t('registry.publicContact')} value={f.publicContact} onChange={set('publicContact')} errors={errors} optional />
        <TextField id="website" type="url" label={t('registry.website')} value={f.website} onChange={set('website')} errors={errors} optional />
      </div>
      <div className="field-row">
        <TextField id="contactName" label={t('registry.contactName')} value={f.contactName} onChange={set('contactName')} errors={errors} optional />
        <TextField id="contactPhone" label={t('registry.contactPhone')} value={f.contactPhone} onChange={set('contactPhone')} errors={errors} optional />
      </div>
    </>
  );
}

/** The association offer's fields; the association is chosen only when the offer is created. */
export function AssociationOfferFieldset({ f, set, errors, associations }: { f: AssociationOfferFields; set: Setter<AssociationOfferFields>; errors: Errors; associations?: Association[] }) {
  const { t } = useI18n();
  return (
    <>
      <div className="field-row">
        {associations && <Select id="associationId" label={t('registry.association')} value={f.associationId} onChange={set('associationId')} errors={errors} options={associations.map((a) => ({ value: a.id, label: a.name }))} />}
        <TextField id="activity" label={`${t('registry.activity')} ${t('form.required')}`} value={f.activity} onChange={set('activity')} errors={errors} />
        <Select id="activityKind" label={t('registry.kind')} value={f.activityKind} onChange={set('activityKind')} errors={errors} options={activityKinds.map((a) => ({ value: a, label: t(`activity.${a}` as MessageKey) }))} />
      </div>
      <div className="field-row">
        <TextField id="placeName" label={`${t('registry.placeName')} ${t('form.required')}`} value={f.placeName} onChange={set('placeName')} errors={errors} />
        <TextField id="area" label={t('place.area')} value={f.area} onChange={set('area')} errors={errors} optional />
        <TextField id="startTime" type="time" label={t('form.startTime')} value={f.startTime} onChange={set('startTime')} errors={errors} optional />
        <TextField id="offerLanguages" label={t('offers.languages')} hint={t('offers.languagesHint')} value={f.languages} onChange={set('languages')} errors={errors} className="input-width-s" />
      </div>
      <CheckboxGroup id="weekdays" legend={t('registry.weekdays')} value={f.weekdays} onChange={set('weekdays')} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}` as MessageKey) }))} />
      <Radios id="inclusiveness" legend={t('registry.inclusiveness')} value={f.inclusiveness} onChange={set('inclusiveness')} errors={errors}
        options={inclusivenessLevels.map((x) => ({ value: x, label: t(`inclusive.${x}` as MessageKey) }))} />
      <Checkbox id="introCourse" label={t('registry.introCourse')} checked={f.introCourse} onChange={set('introCourse')} />
      <Checkbox id="companionAvailable" label={t('registry.companion')} checked={f.companionAvailable} onChange={set('companionAvailable')} />
      <TextField id="videoUrl" type="url" label={t('registry.videoUrl')} value={f.videoUrl} onChange={set('videoUrl')} errors={errors} optional />
    </>
  );
}
