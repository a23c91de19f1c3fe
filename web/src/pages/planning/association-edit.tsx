import { api, ApiError } from '../../api.ts';
import type { Association, PublicOffer } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { EditForm } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { AssociationFieldset, AssociationOfferFieldset } from './association-form.tsx';
import {
  associationBody, associationFieldOf, associationFields, associationOfferBody, associationOfferFieldOf, associationOfferFields, validateAssociation, validateAssociationOffer,
  type AssociationOfferFields,
} from './association-fields.ts';

type StaffOffer = PublicOffer & { associationId: string; version: number };

const readAssociation = async (id: string): Promise<Association> => {
  const found = (await api.get<{ associations: Association[] }>('/api/associations')).associations.find((a) => a.id === id);
  if (!found) throw new ApiError(404, 'not_found', '');
  return found;
};
const readAssociationOffer = async (id: string): Promise<StaffOffer> => {
  const found = (await api.get<{ associations: Association[] }>('/api/associations')).associations.flatMap((a) => a.offers as StaffOffer[]).find((o) => o.id === id);
  if (!found) throw new ApiError(404, 'not_found', '');
  return found;
};

/** A registry record loaded for editing, under a link back to the registry; `name` titles the page. */
function RegistryEdit<R>({ id, read, name, children }: { id: string; read(id: string): Promise<R>; name(r: R): string; children(r: R): React.ReactNode }) {
  const { t } = useI18n();
  const state = useLoad(() => read(id), [id]);
  usePageTitle(state.data ? t('registry.editTitle', { name: name(state.data) }) : t('registry.title'));
  return <><p><Link href="/foreningsregister" className="back-link">{t('registry.title')}</Link></p><Loaded state={state}>{children}</Loaded></>;
}

/** Editing an association, prefilled, with the version it was read at (a colleague's change is explained, not overwritten). */
export const AssociationEditPage = ({ associationId }: { associationId: string }) =>
  <RegistryEdit id={associationId} read={readAssociation} name={(a) => a.name}>{(a) => <EditAssociation initial={a} />}</RegistryEdit>;

/** Editing one association offer, prefilled; links other than the video are kept. */
export const AssociationOfferEditPage = ({ offerId }: { offerId: string }) =>
  <RegistryEdit id={offerId} read={readAssociationOffer} name={(o) => o.activity}>{(o) => <EditAssociationOffer initial={o} />}</RegistryEdit>;

function EditAssociation({ initial }: { initial: Association }) {
  const { t } = useI18n();
  return (
    <EditForm initial={initial} toFields={associationFields} read={() => readAssociation(initial.id)} fieldOf={associationFieldOf} validate={(f) => validateAssociation(t, f)}
      write={(f, version, key) => api.patch<Association>(`/api/associations/${initial.id}`, { version, ...associationBody(f) }, key)}
      title={(a) => t('registry.editTitle', { name: a.name })} id="edit-association" heading={t('registry.editHeading')} submitLabel={t('registry.save')}
      doneText={() => t('registry.saved')} conflict={{ title: t('registry.conflictTitle'), text: t('registry.conflict') }}>
      {(f, set, errors) => <AssociationFieldset f={f} set={set} errors={errors} />}
    </EditForm>
  );
}

function EditAssociationOffer({ initial }: { initial: StaffOffer }) {
  const { t } = useI18n();
  return (
    <EditForm<StaffOffer, AssociationOfferFields> initial={initial} toFields={associationOfferFields} read={() => readAssociationOffer(initial.id)} fieldOf={associationOfferFieldOf} validate={(f) => validateAssociationOffer(t, f)}
      write={(f, version, key) => api.patch<StaffOffer>(`/api/association-offers/${initial.id}`, { version, ...associationOfferBody(t, f, initial.links) }, key)}
      title={(o) => t('registry.editTitle', { name: o.activity })} intro={(o) => <p>{o.associationName}</p>} id="edit-association-offer" heading={t('registry.editOfferHeading')}
      submitLabel={t('registry.save')} doneText={() => t('registry.saved')} conflict={{ title: t('registry.conflictTitle'), text: t('registry.conflict') }}>
      {(f, set, errors) => <AssociationOfferFieldset f={f} set={set} errors={errors} />}
    </EditForm>
  );
}
