import { api } from '../../api.ts';
import type { Offer, Place } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { EditForm } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { OfferFieldset } from './offer-form.tsx';
import { offerBody, offerFieldOf, offerFields, validateOffer } from './offer-fields.ts';

/** Editing one offer of the catalogue, prefilled; the version read is sent back, so a colleague's change is never overwritten. */
export function OfferEditPage({ offerId }: { offerId: string }) {
  const { t } = useI18n();
  const state = useLoad(async () => {
    const [offer, offers, places] = await Promise.all([
      api.get<Offer>(`/api/offers/${offerId}`), api.get<{ offers: Offer[] }>('/api/offers'), api.get<{ places: Place[] }>('/api/places'),
    ]);
    return { offer, offers: offers.offers, places: places.places };
  }, [offerId]);
  usePageTitle(state.data ? t('offers.editTitle', { name: state.data.offer.publicName }) : t('offers.title'));
  return (
    <>
      <p><Link href="/tilbud" className="back-link">{t('offers.title')}</Link></p>
      <Loaded state={state}>{({ offer, offers, places }) => <EditOffer initial={offer} offers={offers} places={places} />}</Loaded>
    </>
  );
}

function EditOffer({ initial, offers, places }: { initial: Offer; offers: Offer[]; places: Place[] }) {
  const { t } = useI18n();
  return (
    <EditForm initial={initial} toFields={offerFields} read={() => api.get<Offer>(`/api/offers/${initial.id}`)} fieldOf={offerFieldOf} validate={(f) => validateOffer(t, f)}
      write={(f, version, key) => api.patch<Offer>(`/api/offers/${initial.id}`, { version, ...offerBody(f) }, key)}
      title={(o) => t('offers.editTitle', { name: o.publicName })} intro={(o) => <p className="meta">{o.internalName}</p>}
      id="edit-offer" heading={t('offers.editHeading')} submitLabel={t('offers.save')} doneText={(o) => t('offers.saved', { name: o.publicName })}
      conflict={{ title: t('offers.conflictTitle'), text: t('offers.conflict') }}>
      {(f, set, errors) => <OfferFieldset f={f} set={set} errors={errors} offers={offers} places={places} self={initial.id} />}
    </EditForm>
  );
}
