import type { Association, PublicOffer } from '../../api-planning.ts';
import { splitList, type Translate } from './offer-fields.ts';

/** The association forms' pure core: prefill, request bodies and checks (run under Node by `src/web-e2e/association-fields.test.ts`). */
type Errors = Record<string, string>;
const opt = (s: string) => s.trim() || null;

export const emptyAssociation = { name: '', publicContact: '', contactName: '', contactPhone: '', website: '' };
export type AssociationFields = typeof emptyAssociation;

export const associationFields = (a: Association): AssociationFields =>
  ({ name: a.name, publicContact: a.publicContact ?? '', contactName: a.contactName ?? '', contactPhone: a.contactPhone ?? '', website: a.website ?? '' });
export const associationBody = (f: AssociationFields) =>
  ({ name: f.name.trim(), publicContact: opt(f.publicContact), contactName: opt(f.contactName), contactPhone: opt(f.contactPhone), website: opt(f.website) });
export const validateAssociation = (t: Translate, f: AssociationFields): Errors => (f.name.trim() ? {} : { associationName: t('rule.required', { label: t('registry.name') }) });
export const associationFieldOf = (p: string) => (p === 'name' ? 'associationName' : p);

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
