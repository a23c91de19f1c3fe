import { useState } from 'react';
import { api } from '../../api.ts';
import type { Offer, Place } from '../../api-planning.ts';
import { useCodes } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Select, TableScroll, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { FormSection, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { placeKinds } from '../../../../src/offers/offer-vocabulary.ts';
import { OfferFieldset } from './offer-form.tsx';
import { emptyOffer, offerBody, offerFieldOf, validateOffer } from './offer-fields.ts';

/** The offer catalogue: what teams are built from, with a form for a new offer and a new place. */
export function OffersPage() {
  const { t } = useI18n();
  const codes = useCodes();
  usePageTitle(t('offers.title'));
  const state = useLoad(async () => {
    const [offers, places] = await Promise.all([api.get<{ offers: Offer[] }>('/api/offers'), api.get<{ places: Place[] }>('/api/places')]);
    return { offers: offers.offers, places: places.places };
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('offers.title')}</h1>
      <p>{t('offers.intro')}</p>
      <Loaded state={state}>{({ offers, places }) => (
        <>
          {offers.length === 0 ? <p>{t('offers.empty')}</p> : (
            <TableScroll label={t('offers.title')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{t('offers.public')}</th><th scope="col">{t('offers.interventions')}</th><th scope="col">{t('offers.delivery')}</th>
                  <th scope="col">{t('offers.languages')}</th><th scope="col">{t('offers.sessions')}</th><th scope="col">{t('offers.support')}</th><th scope="col">{t('offers.places')}</th>
                  <th scope="col">{t('offers.upcoming')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                <tbody>{offers.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{o.publicName}<br /><span className="meta">{o.internalName}</span>
                      {o.variants.map((v) => <span key={v.id} className="meta"><br />{t(`variant.${v.variantKind}` as MessageKey)}: {v.publicName}</span>)}</th>
                    <td>{o.interventionCodes.map((c) => codes.display(c)).join(', ')}</td>
                    <td>{t(`delivery.${o.deliveryMode}` as MessageKey)}</td>
                    <td>{o.languages.join(', ')}</td>
                    <td>{o.sessionCount} × {o.sessionMinutes} min</td>
                    <td>{t(`level.${o.supportLevel}` as MessageKey)}</td>
                    <td>{o.places.map((p) => p.name).join(', ') || '–'}</td>
                    <td>{o.upcomingTeams}</td>
                    <td><ul className="nobullet-list">
                      <li><Link href={`/tilbud/${o.id}`}>{t('offers.edit')}<span className="sr-only"> – {o.publicName}</span></Link></li>
                      {o.deliveryMode === 'group' && <li><Link href={`/hold/nyt?tilbud=${o.id}`}>{t('offers.newTeam')}<span className="sr-only"> – {o.publicName}</span></Link></li>}
                    </ul></td>
                  </tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
          <NewOffer offers={offers} places={places} onSaved={() => void state.reload()} />
          <NewPlace onSaved={() => void state.reload()} />
        </>
      )}</Loaded>
    </>
  );
}

function NewOffer({ offers, places, onSaved }: { offers: Offer[]; places: Place[]; onSaved(): void }) {
  const { t } = useI18n();
  const { values: f, set, reset } = useFields(emptyOffer);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(offerFieldOf);
  const save = (ev: React.FormEvent) => submit.run(ev, () => validateOffer(t, f), async (key) => {
    const created = await api.post<Offer>('/api/offers', offerBody(f), key);
    setDone(t('offers.created', { name: created.publicName }));
    reset();
    onSaved();
  });
  return (
    <FormSection id="new-offer" heading={t('offers.new')} done={done} submit={submit} onSubmit={save} submitLabel={t('offers.create')} primary>
      <OfferFieldset f={f} set={set} errors={submit.errors} offers={offers} places={places} />
    </FormSection>
  );
}

function NewPlace({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const blank = { name: '', kind: 'health_centre', area: '' };
  const { values: f, set, reset } = useFields(blank);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit((p) => (p === 'name' ? 'placeName' : p === 'area' ? 'placeArea' : p));
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.name.trim() ? {} : { placeName: t('rule.required', { label: t('place.name') }) }), async (key) => {
    await api.post('/api/places', { name: f.name.trim(), kind: f.kind, area: f.area.trim() || null }, key);
    setDone(t('place.created', { name: f.name.trim() }));
    reset();
    onSaved();
  });
  return (
    <FormSection id="new-place" heading={t('place.new')} done={done} submit={submit} onSubmit={save} submitLabel={t('place.create')}>
      <div className="field-row">
        <TextField id="placeName" label={`${t('place.name')} ${t('form.required')}`} value={f.name} onChange={set('name')} errors={submit.errors} />
        <Select id="placeKind" label={t('place.kind')} value={f.kind} onChange={set('kind')} errors={submit.errors} options={placeKinds.map((k) => ({ value: k, label: t(`place.kind.${k}` as MessageKey) }))} />
        <TextField id="placeArea" label={t('place.area')} value={f.area} onChange={set('area')} errors={submit.errors} optional />
      </div>
    </FormSection>
  );
}
