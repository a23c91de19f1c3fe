import { useState } from 'react';
import { api } from '../../api.ts';
import type { Offer, Place } from '../../api-planning.ts';
import { useCodes, SUPERSEDED_INTERVENTIONS } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Alert, ErrorSummary, ProblemAlert, Radios, Select, TableScroll, TextArea, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CheckboxGroup, splitList } from '../../ui/choices.tsx';
import { deliveryModes, placeKinds, supportFeatures, supportLevels, timesOfDay } from '../../../../src/offers/offer-vocabulary.ts';
import { diagnosisGroups } from '../../../../src/domain/social-position.ts';

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
                    <td>{o.deliveryMode === 'group' && <Link href={`/hold/nyt?tilbud=${o.id}`}>{t('offers.newTeam')}<span className="sr-only"> – {o.publicName}</span></Link>}</td>
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

const empty = {
  internalName: '', publicName: '', interventionCodes: [] as string[], diseases: [] as string[], deliveryMode: 'group', languages: 'da', sessionCount: '8', sessionMinutes: '120',
  capacity: '12', supportLevel: 'standard', features: [] as string[], timeOfDay: '', genderSpecific: '', accessibility: '', priceDkk: '0', variantOf: '', variantKind: '',
  completion: '75', placeIds: [] as string[],
};

function NewOffer({ offers, places, onSaved }: { offers: Offer[]; places: Place[]; onSaved(): void }) {
  const { t } = useI18n();
  const codes = useCodes();
  const [f, setF] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const set = <K extends keyof typeof empty>(k: K) => (v: (typeof empty)[K]) => setF((s) => ({ ...s, [k]: v }));
  const submit = useSubmit((p) => (p.startsWith('interventionCodes') ? 'interventionCodes' : p === 'completionThreshold' ? 'completion' : p));
  const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN);
  const validate = (): Errors => {
    const e: Errors = {};
    if (!f.internalName.trim()) e.internalName = t('rule.required', { label: t('offers.internal') });
    if (!f.publicName.trim()) e.publicName = t('rule.required', { label: t('offers.public') });
    if (f.interventionCodes.length === 0) e.interventionCodes = t('rule.min_items', { label: t('offers.interventions') });
    for (const [k, label] of [['sessionCount', 'offers.sessions'], ['sessionMinutes', 'offers.sessionMinutes']] as const) if (Number.isNaN(int(f[k]))) e[k] = t('rule.number', { label: t(label) });
    return e;
  };
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    const created = await api.post<Offer>('/api/offers', {
      internalName: f.internalName.trim(), publicName: f.publicName.trim(), interventionCodes: f.interventionCodes, diseases: f.diseases, deliveryMode: f.deliveryMode,
      languages: splitList(f.languages), sessionCount: int(f.sessionCount), sessionMinutes: int(f.sessionMinutes), capacity: f.capacity ? int(f.capacity) : null,
      supportLevel: f.supportLevel, features: f.features, timeOfDay: f.timeOfDay || null, genderSpecific: f.genderSpecific || null, accessibility: f.accessibility.trim() || null,
      priceDkk: Number(f.priceDkk.replace(',', '.')) || 0, variantOf: f.variantOf || null, variantKind: f.variantOf ? f.variantKind || 'more_support' : null,
      completionThreshold: (int(f.completion) || 75) / 100, placeIds: f.placeIds,
    }, key);
    setDone(created.publicName);
    setF(empty);
    onSaved();
  });
  return (
    <section aria-labelledby="new-offer">
      <h2 id="new-offer">{t('offers.new')}</h2>
      {done && <Alert variant="success" focus>{t('offers.created', { name: done })}</Alert>}
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <TextField id="internalName" label={`${t('offers.internal')} ${t('form.required')}`} value={f.internalName} onChange={set('internalName')} errors={submit.errors} />
          <TextField id="publicName" label={`${t('offers.public')} ${t('form.required')}`} value={f.publicName} onChange={set('publicName')} errors={submit.errors} />
        </div>
        <CheckboxGroup id="interventionCodes" legend={`${t('offers.interventions')} ${t('form.required')}`} value={f.interventionCodes} onChange={set('interventionCodes')}
          options={codes.valueSets.interventions119.filter((c) => !SUPERSEDED_INTERVENTIONS.has(c.display)).map((c) => ({ value: c.code, label: c.display }))} />
        {submit.errors.interventionCodes && <p className="form-error-message" id="interventionCodes-error">{submit.errors.interventionCodes}</p>}
        <CheckboxGroup id="diseases" legend={t('offers.diseases')} value={f.diseases} onChange={set('diseases')} options={diagnosisGroups.map((d) => ({ value: d, label: t(`disease.${d}` as MessageKey) }))} />
        <Radios id="deliveryMode" legend={t('offers.delivery')} value={f.deliveryMode} onChange={set('deliveryMode')} errors={submit.errors} options={deliveryModes.map((d) => ({ value: d, label: t(`delivery.${d}` as MessageKey) }))} />
        <div className="field-row">
          <TextField id="languages" label={t('offers.languages')} hint={t('offers.languagesHint')} value={f.languages} onChange={set('languages')} errors={submit.errors} className="input-width-s" />
          <TextField id="sessionCount" label={t('offers.sessions')} value={f.sessionCount} onChange={set('sessionCount')} errors={submit.errors} inputMode="numeric" className="input-width-xs" />
          <TextField id="sessionMinutes" label={t('offers.sessionMinutes')} value={f.sessionMinutes} onChange={set('sessionMinutes')} errors={submit.errors} inputMode="numeric" className="input-width-xs" />
          <TextField id="capacity" label={t('offers.capacity')} value={f.capacity} onChange={set('capacity')} errors={submit.errors} inputMode="numeric" className="input-width-xs" optional />
          <TextField id="completion" label={t('offers.completion')} value={f.completion} onChange={set('completion')} errors={submit.errors} inputMode="numeric" className="input-width-xs" />
          <TextField id="priceDkk" label={t('offers.price')} value={f.priceDkk} onChange={set('priceDkk')} errors={submit.errors} inputMode="decimal" className="input-width-xs" />
        </div>
        <div className="field-row">
          <Select id="supportLevel" label={t('offers.support')} value={f.supportLevel} onChange={set('supportLevel')} errors={submit.errors} options={supportLevels.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))} />
          <Select id="timeOfDay" label={t('offers.timeOfDay')} value={f.timeOfDay} onChange={set('timeOfDay')} errors={submit.errors} optional placeholder="–" options={timesOfDay.map((x) => ({ value: x, label: t(`time.${x}` as MessageKey) }))} />
          <Select id="genderSpecific" label={t('offers.gender')} value={f.genderSpecific} onChange={set('genderSpecific')} errors={submit.errors} optional placeholder={t('offers.genderNone')}
            options={['male', 'female'].map((x) => ({ value: x, label: t(`sex.${x}` as MessageKey) }))} />
        </div>
        <CheckboxGroup id="features" legend={t('offers.features')} value={f.features} onChange={set('features')} options={supportFeatures.map((x) => ({ value: x, label: t(`feature.${x}` as MessageKey) }))} />
        {places.length > 0 && <CheckboxGroup id="placeIds" legend={t('offers.places')} value={f.placeIds} onChange={set('placeIds')} options={places.map((p) => ({ value: p.id, label: `${p.name} (${t(`place.kind.${p.kind}` as MessageKey)})` }))} />}
        <div className="field-row">
          <Select id="variantOf" label={t('offers.variantOf')} value={f.variantOf} onChange={set('variantOf')} errors={submit.errors} optional placeholder={t('offers.variantNone')} options={offers.map((o) => ({ value: o.id, label: o.publicName }))} />
          {f.variantOf && <Select id="variantKind" label={t('offers.variantKind')} value={f.variantKind || 'more_support'} onChange={set('variantKind')} errors={submit.errors} options={['easier', 'more_support'].map((x) => ({ value: x, label: t(`variant.${x}` as MessageKey) }))} />}
        </div>
        <TextArea id="accessibility" label={t('offers.accessibility')} value={f.accessibility} onChange={set('accessibility')} errors={submit.errors} />
        <button type="submit" className="button button-primary" disabled={submit.busy}>{t('offers.create')}</button>
      </form>
    </section>
  );
}

function NewPlace({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ name: '', kind: 'health_centre', area: '' });
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit((p) => (p === 'name' ? 'placeName' : p === 'area' ? 'placeArea' : p));
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.name.trim() ? {} : { placeName: t('rule.required', { label: t('place.name') }) }), async (key) => {
    await api.post('/api/places', { name: f.name.trim(), kind: f.kind, area: f.area.trim() || null }, key);
    setDone(f.name.trim());
    setF({ name: '', kind: 'health_centre', area: '' });
    onSaved();
  });
  return (
    <section aria-labelledby="new-place">
      <h2 id="new-place">{t('place.new')}</h2>
      {done && <Alert variant="success">{t('place.created', { name: done })}</Alert>}
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <TextField id="placeName" label={`${t('place.name')} ${t('form.required')}`} value={f.name} onChange={(v) => setF((s) => ({ ...s, name: v }))} errors={submit.errors} />
          <Select id="placeKind" label={t('place.kind')} value={f.kind} onChange={(v) => setF((s) => ({ ...s, kind: v }))} errors={submit.errors} options={placeKinds.map((k) => ({ value: k, label: t(`place.kind.${k}` as MessageKey) }))} />
          <TextField id="placeArea" label={t('place.area')} value={f.area} onChange={(v) => setF((s) => ({ ...s, area: v }))} errors={submit.errors} optional />
        </div>
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('place.create')}</button>
      </form>
    </section>
  );
}
