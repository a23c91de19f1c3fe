import { useState } from 'react';
import { api, type Citizen } from '../../api.ts';
import { localNow, useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { Alert, ErrorSummary, ProblemAlert, Radios, TableScroll, TextArea, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { consentMethods, consentPurposes, type ConsentPurpose } from '../../../../src/gdpr/consents.ts';
import { useSecurityText } from './text.ts';

interface Status { purpose: ConsentPurpose; given: boolean; givenOn: string | null; withdrawnOn: string | null; method: string | null }
interface ConsentEvent { purpose: ConsentPurpose; state: 'given' | 'withdrawn'; effectiveOn: string; method: string; recordedAt: string; note: string | null; recordedByName: string | null }
interface Registry { current: Status[]; events: ConsentEvent[]; version: number }

const emptyForm = () => ({ purpose: '', state: '', effectiveOn: localNow().date, method: '', note: '' });

/** A citizen's consents (research, national quality databases, SMS reminders): now, their history, and a form to record a change. */
export function ConsentsPage({ citizenId }: { citizenId: string }) {
  const s = useSecurityText();
  const { date, dateTime } = useI18n();
  const state = useLoad(async () => {
    const [citizen, registry] = await Promise.all([api.get<Citizen>(`/api/citizens/${citizenId}`), api.get<Registry>(`/api/gdpr/citizens/${citizenId}/consents`)]);
    return { citizen, registry };
  }, [citizenId]);
  const name = state.data ? `${state.data.citizen.givenName} ${state.data.citizen.familyName}` : '';
  usePageTitle(name ? `${s('consent.title')} – ${name}` : s('consent.title'));
  const [saved, setSaved] = useState(false);
  const purpose = (p: string) => s(`consent.purpose.${p}` as Parameters<typeof s>[0]);
  const method = (m: string | null) => (m ? s(`consent.method.${m}` as Parameters<typeof s>[0]) : '–');
  return (
    <>
      <p><Link href={`/borger/${citizenId}`}>{s('access.back')}</Link></p>
      <h1 tabIndex={-1}>{s('consent.title')}</h1>
      {name && <p className="font-lead">{name}</p>}
      <p>{s('consent.intro')}</p>
      {saved && <Alert variant="success">{s('consent.saved')}</Alert>}
      <Loaded state={state}>{({ registry }) => (
        <>
          <h2 id="consent-now">{s('consent.now')}</h2>
          <TableScroll label={s('consent.now')}>
            <table className="table table--compact consent-now" aria-labelledby="consent-now">
              <thead><tr><th scope="col">{s('consent.purpose')}</th><th scope="col">{s('consent.status')}</th><th scope="col">{s('consent.givenOn')}</th><th scope="col">{s('consent.withdrawnOn')}</th><th scope="col">{s('consent.method')}</th></tr></thead>
              <tbody>{registry.current.map((c) => (
                <tr key={c.purpose}>
                  <th scope="row">{purpose(c.purpose)}</th>
                  <td>{c.given ? s('consent.state.given') : c.withdrawnOn ? s('consent.state.withdrawn') : s('consent.state.none')}</td>
                  <td>{c.givenOn ? date(c.givenOn) : '–'}</td><td>{c.withdrawnOn ? date(c.withdrawnOn) : '–'}</td><td>{method(c.method)}</td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
          <h2 id="consent-history">{s('consent.history')}</h2>
          {registry.events.length === 0 ? <p>{s('consent.historyEmpty')}</p> : (
            <TableScroll label={s('consent.history')}>
              <table className="table table--compact consent-history" aria-labelledby="consent-history">
                <thead><tr><th scope="col">{s('consent.effectiveOn')}</th><th scope="col">{s('consent.purpose')}</th><th scope="col">{s('consent.event')}</th><th scope="col">{s('consent.method')}</th><th scope="col">{s('consent.note')}</th><th scope="col">{s('consent.recorded')}</th></tr></thead>
                <tbody>{[...registry.events].reverse().map((e, i) => (
                  <tr key={i}>
                    <td>{date(e.effectiveOn)}</td><td>{purpose(e.purpose)}</td><td>{s(`consent.state.${e.state}`)}</td><td>{method(e.method)}</td>
                    <td>{e.note ?? '–'}</td><td>{dateTime(e.recordedAt)}, {e.recordedByName ?? s('access.system')}</td>
                  </tr>
                ))}</tbody>
              </table>
            </TableScroll>
          )}
          <ConsentForm citizenId={citizenId} registry={registry} onSaved={() => { setSaved(true); void state.reload(); }} onReload={() => { setSaved(false); return state.reload(); }} />
        </>
      )}</Loaded>
    </>
  );
}

function ConsentForm({ citizenId, registry, onSaved, onReload }: { citizenId: string; registry: Registry; onSaved(): void; onReload(): Promise<unknown> }) {
  const s = useSecurityText();
  const { t } = useI18n();
  const [f, setF] = useState(emptyForm);
  const submit = useSubmit();
  const set = (key: keyof ReturnType<typeof emptyForm>) => (v: string) => setF((x) => ({ ...x, [key]: v }));
  const validate = (): Errors => {
    const e: Errors = {};
    if (!f.purpose) e.purpose = t('rule.required', { label: s('consent.purpose') });
    if (!f.state) e.state = t('rule.required', { label: s('consent.event') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.effectiveOn)) e.effectiveOn = t('rule.date', { label: s('consent.effectiveOn') });
    else if (f.effectiveOn > localNow().date) e.effectiveOn = t('rule.future', { label: s('consent.effectiveOn') });
    if (!f.method) e.method = t('rule.required', { label: s('consent.method') });
    if (f.state === 'withdrawn' && f.purpose && !registry.current.find((c) => c.purpose === f.purpose)?.given) e.state = s('consent.notGiven');
    return e;
  };
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    await api.post(`/api/gdpr/citizens/${citizenId}/consents`,
      { purpose: f.purpose, state: f.state, effectiveOn: f.effectiveOn, method: f.method, version: registry.version, ...(f.note.trim() ? { note: f.note.trim() } : {}) }, key);
    setF(emptyForm());
    onSaved();
  });
  const reload = async () => { await onReload(); submit.markReloaded(); };
  return (
    <section aria-labelledby="consent-record">
      <h2 id="consent-record">{s('consent.record')}</h2>
      <ErrorSummary errors={submit.errors} />
      {submit.problem === 'conflict' ? (
        <Alert variant="warning" heading={s('consent.conflictTitle')} focus>
          <p>{s('consent.conflict')}</p>
          <p><button type="button" className="button button-secondary" onClick={() => void reload()}>{t('error.conflictReload')}</button></p>
        </Alert>
      ) : <ProblemAlert state={submit} />}
      <form onSubmit={(e) => void save(e)} noValidate>
        <Radios id="purpose" legend={s('consent.purpose')} value={f.purpose} onChange={set('purpose')} errors={submit.errors}
          options={consentPurposes.map((p) => ({ value: p, label: s(`consent.purpose.${p}`) }))} />
        <Radios id="state" legend={s('consent.event')} value={f.state} onChange={set('state')} errors={submit.errors}
          options={[{ value: 'given', label: s('consent.give') }, { value: 'withdrawn', label: s('consent.withdraw') }]} />
        <TextField id="effectiveOn" type="date" label={s('consent.effectiveOn')} hint={s('consent.effectiveOnHint')} value={f.effectiveOn} onChange={set('effectiveOn')} errors={submit.errors} />
        <Radios id="method" legend={s('consent.method')} value={f.method} onChange={set('method')} errors={submit.errors}
          options={consentMethods.map((m) => ({ value: m, label: s(`consent.method.${m}`) }))} />
        <TextArea id="note" label={s('consent.note')} value={f.note} onChange={set('note')} errors={submit.errors} />
        <button type="submit" className="button button-primary" disabled={submit.busy}>{s('consent.save')}</button>
      </form>
    </section>
  );
}
