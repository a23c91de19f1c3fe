import { useState } from 'react';
import { api } from '../../api.ts';
import type { Association } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Alert, Checkbox, ErrorSummary, ProblemAlert, Radios, Select, TableScroll, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CheckboxGroup, splitList } from '../../ui/choices.tsx';

const activityKinds = ['walking', 'swimming', 'cycling', 'strength', 'dance', 'ball_games', 'yoga_mindfulness', 'golf_padel', 'outdoor', 'social', 'other'];

/** The bridge-builder's registry of associations and their offers; the public page shows what is public. */
export function AssociationRegistryPage() {
  const { t } = useI18n();
  usePageTitle(t('registry.title'));
  const state = useLoad(() => api.get<{ associations: Association[] }>('/api/associations'), []);
  return (
    <>
      <h1 tabIndex={-1}>{t('registry.title')}</h1>
      <p>{t('registry.intro')} <Link href="/foreninger">{t('registry.public')}</Link></p>
      <Loaded state={state}>{({ associations }) => (
        <>
          {associations.length > 0 && (
            <TableScroll label={t('registry.title')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{t('registry.association')}</th><th scope="col">{t('registry.contactName')}</th><th scope="col">{t('registry.offers')}</th></tr></thead>
                <tbody>{associations.map((a) => (
                  <tr key={a.id}><th scope="row">{a.name}</th><td>{[a.contactName, a.contactPhone].filter(Boolean).join(', ') || '–'}</td>
                    <td>{a.offers.map((o) => `${o.activity} (${o.placeName})`).join('; ') || '–'}</td></tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
          <NewAssociation onSaved={() => void state.reload()} />
          {associations.length > 0 && <NewAssociationOffer associations={associations} onSaved={() => void state.reload()} />}
        </>
      )}</Loaded>
    </>
  );
}

function NewAssociation({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const blank = { name: '', publicContact: '', contactName: '', contactPhone: '', website: '' };
  const [f, setF] = useState(blank);
  const [done, setDone] = useState(false);
  const submit = useSubmit((p) => (p === 'name' ? 'associationName' : p));
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.name.trim() ? {} : { associationName: t('rule.required', { label: t('registry.name') }) }), async (key) => {
    const opt = (s: string) => s.trim() || null;
    await api.post('/api/associations', { name: f.name.trim(), publicContact: opt(f.publicContact), contactName: opt(f.contactName), contactPhone: opt(f.contactPhone), website: opt(f.website) }, key);
    setF(blank);
    setDone(true);
    onSaved();
  });
  const set = (k: keyof typeof blank) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  return (
    <section aria-labelledby="new-association">
      <h2 id="new-association">{t('registry.newAssociation')}</h2>
      {done && <Alert variant="success">{t('registry.saved')}</Alert>}
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <TextField id="associationName" label={`${t('registry.name')} ${t('form.required')}`} value={f.name} onChange={set('name')} errors={submit.errors} />
          <TextField id="publicContact" label={t('registry.publicContact')} value={f.publicContact} onChange={set('publicContact')} errors={submit.errors} optional />
          <TextField id="website" type="url" label={t('registry.website')} value={f.website} onChange={set('website')} errors={submit.errors} optional />
        </div>
        <div className="field-row">
          <TextField id="contactName" label={t('registry.contactName')} value={f.contactName} onChange={set('contactName')} errors={submit.errors} optional />
          <TextField id="contactPhone" label={t('registry.contactPhone')} value={f.contactPhone} onChange={set('contactPhone')} errors={submit.errors} optional />
        </div>
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('registry.createAssociation')}</button>
      </form>
    </section>
  );
}

function NewAssociationOffer({ associations, onSaved }: { associations: Association[]; onSaved(): void }) {
  const { t } = useI18n();
  const blank = { associationId: associations[0]!.id, activity: '', activityKind: 'walking', placeName: '', area: '', weekdays: [] as number[], startTime: '', languages: 'da',
    introCourse: false, companionAvailable: false, inclusiveness: 'welcoming', videoUrl: '' };
  const [f, setF] = useState(blank);
  const [done, setDone] = useState(false);
  const submit = useSubmit((p) => (p.startsWith('links') ? 'videoUrl' : p));
  const validate = (): Errors => {
    const e: Errors = {};
    if (!f.activity.trim()) e.activity = t('rule.required', { label: t('registry.activity') });
    if (!f.placeName.trim()) e.placeName = t('rule.required', { label: t('registry.placeName') });
    return e;
  };
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    await api.post('/api/association-offers', {
      associationId: f.associationId, activity: f.activity.trim(), activityKind: f.activityKind, placeName: f.placeName.trim(), area: f.area.trim() || null, weekdays: f.weekdays,
      startTime: f.startTime || null, languages: splitList(f.languages), introCourse: f.introCourse, companionAvailable: f.companionAvailable, inclusiveness: f.inclusiveness,
      links: f.videoUrl.trim() ? [{ label: t('registry.videoUrl'), url: f.videoUrl.trim(), kind: 'video' }] : [],
    }, key);
    setF(blank);
    setDone(true);
    onSaved();
  });
  const set = <K extends keyof typeof blank>(k: K) => (v: (typeof blank)[K]) => setF((s) => ({ ...s, [k]: v }));
  return (
    <section aria-labelledby="new-association-offer">
      <h2 id="new-association-offer">{t('registry.newOffer')}</h2>
      {done && <Alert variant="success">{t('registry.saved')}</Alert>}
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <Select id="associationId" label={t('registry.association')} value={f.associationId} onChange={set('associationId')} errors={submit.errors} options={associations.map((a) => ({ value: a.id, label: a.name }))} />
          <TextField id="activity" label={`${t('registry.activity')} ${t('form.required')}`} value={f.activity} onChange={set('activity')} errors={submit.errors} />
          <Select id="activityKind" label={t('registry.kind')} value={f.activityKind} onChange={set('activityKind')} errors={submit.errors} options={activityKinds.map((a) => ({ value: a, label: t(`activity.${a}` as MessageKey) }))} />
        </div>
        <div className="field-row">
          <TextField id="placeName" label={`${t('registry.placeName')} ${t('form.required')}`} value={f.placeName} onChange={set('placeName')} errors={submit.errors} />
          <TextField id="area" label={t('place.area')} value={f.area} onChange={set('area')} errors={submit.errors} optional />
          <TextField id="startTime" type="time" label={t('form.startTime')} value={f.startTime} onChange={set('startTime')} errors={submit.errors} optional />
          <TextField id="offerLanguages" label={t('offers.languages')} hint={t('offers.languagesHint')} value={f.languages} onChange={set('languages')} errors={submit.errors} className="input-width-s" />
        </div>
        <CheckboxGroup id="weekdays" legend={t('registry.weekdays')} value={f.weekdays} onChange={set('weekdays')} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}` as MessageKey) }))} />
        <Radios id="inclusiveness" legend={t('registry.inclusiveness')} value={f.inclusiveness} onChange={set('inclusiveness')} errors={submit.errors}
          options={['adapted', 'welcoming', 'ordinary'].map((x) => ({ value: x, label: t(`inclusive.${x}` as MessageKey) }))} />
        <Checkbox id="introCourse" label={t('registry.introCourse')} checked={f.introCourse} onChange={set('introCourse')} />
        <Checkbox id="companionAvailable" label={t('registry.companion')} checked={f.companionAvailable} onChange={set('companionAvailable')} />
        <TextField id="videoUrl" type="url" label={t('registry.videoUrl')} value={f.videoUrl} onChange={set('videoUrl')} errors={submit.errors} optional />
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('registry.createOffer')}</button>
      </form>
    </section>
  );
}
