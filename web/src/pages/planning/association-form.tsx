import type { Association, PublicOffer } from '../../api-planning.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Checkbox, Radios, Select, TextField, type Errors } from '../../ui/form.tsx';
import { CheckboxGroup, splitList } from '../../ui/choices.tsx';

// The server's lists (src/associations/association-schemas.ts), kept here so the page does not bundle zod.
const activityKinds = ['walking', 'swimming', 'cycling', 'strength', 'dance', 'ball_games', 'yoga_mindfulness', 'golf_padel', 'outdoor', 'social', 'other'];
const inclusivenessLevels = ['adapted', 'welcoming', 'ordinary'];

type Setter<F> = <K extends keyof F>(k: K) => (v: F[K]) => void;
const opt = (s: string) => s.trim() || null;

export const emptyAssociation = { name: '', publicContact: '', contactName: '', contactPhone: '', website: '' };
export type AssociationFields = typeof emptyAssociation;

export const associationFields = (a: Association): AssociationFields =>
  ({ name: a.name, publicContact: a.publicContact ?? '', contactName: a.contactName ?? '', contactPhone: a.contactPhone ?? '', website: a.website ?? '' });
export const associationBody = (f: AssociationFields) =>
  ({ name: f.name.trim(), publicContact: opt(f.publicContact), contactName: opt(f.contactName), contactPhone: opt(f.contactPhone), website: opt(f.website) });
export const validateAssociation = (t: Translate, f: AssociationFields): Errors => (f.name.trim() ? {} : { associationName: t('rule.required', { label: t('registry.name') }) });
export const associationFieldOf = (p: string) => (p === 'name' ? 'associationName' : p);

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

export const emptyAssociationOffer = {
  associationId: '', activity: '', activityKind: 'walking', placeName: '', area: '', weekdays: [] as number[], startTime: '', languages: 'da',
  introCourse: false, companionAvailable: false, inclusiveness: 'welcoming', videoUrl: '',
};
export type AssociationOfferFields = typeof emptyAssociationOffer;
type StaffOffer = PublicOffer & { associationId: string };

export const associationOfferFields = (o: StaffOffer): AssociationOfferFields => ({
  associationId: o.associationId, activity: o.activity, activityKind: o.activityKind, placeName: o.placeName, area: o.area ?? '', weekdays: o.weekdays,
  startTime: o.startTime ?? '', languages: o.languages.join(', '), introCourse: o.introCourse, companionAvailable: o.companionAvailable, inclusiveness: o.inclusiveness,
  videoUrl: o.links.find((l) => l.kind === 'video')?.url ?? '',
});

/** The body for creating (with the association) or changing an offer; other links than the video are kept as they are. */
export function associationOfferBody(t: Translate, f: AssociationOfferFields, keptLinks: PublicOffer['links'] = []) {
  return {
    activity: f.activity.trim(), activityKind: f.activityKind, placeName: f.placeName.trim(), area: opt(f.area), weekdays: f.weekdays, startTime: f.startTime || null,
    languages: splitList(f.languages), introCourse: f.introCourse, companionAvailable: f.companionAvailable, inclusiveness: f.inclusiveness,
    links: [...keptLinks.filter((l) => l.kind !== 'video'), ...(f.videoUrl.trim() ? [{ label: t('registry.videoUrl'), url: f.videoUrl.trim(), kind: 'video' }] : [])],
  };
}

export function validateAssociationOffer(t: Translate, f: AssociationOfferFields): Errors {
  const e: Errors = {};
  if (!f.activity.trim()) e.activity = t('rule.required', { label: t('registry.activity') });
  if (!f.placeName.trim()) e.placeName = t('rule.required', { label: t('registry.placeName') });
  return e;
}
export const associationOfferFieldOf = (p: string) => (p.startsWith('links') ? 'videoUrl' : p === 'languages' ? 'offerLanguages' : p);

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
