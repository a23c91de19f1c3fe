import { useState } from 'react';
import { api } from '../../api.ts';
import type { Association, Bridge, DueFollowUp, FollowUp } from '../../api-planning.ts';
import { localNow, useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Alert, Radios, Select, TableScroll, TextArea, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { FormSection, PlanningForm, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CitizenPicker } from '../../ui/choices.tsx';
import { leftReasons, stayedReasons } from '../../../../src/bridges/follow-up-dates.ts';
import { ConfirmEnteredInError, OutcomeAlert, useEnteredInError } from '../timeline/entered-in-error.tsx';

type Correction = ReturnType<typeof useEnteredInError>;

/** The bridge-builder's worklist: follow-ups due, and finding a citizen to bridge. */
export function BridgesPage() {
  const { t, date } = useI18n();
  usePageTitle(t('bridges.title'));
  const state = useLoad(() => api.get<{ followUps: DueFollowUp[] }>('/api/bridge-follow-ups/due'), []);
  return (
    <>
      <h1 tabIndex={-1}>{t('bridges.title')}</h1>
      <p>{t('bridges.intro')}</p>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('bridges.due')}</h2>
        <Loaded state={state}>{({ followUps }) => followUps.length === 0 ? <p>{t('bridges.dueEmpty')}</p> : (
          <TableScroll label={t('bridges.due')}>
            <table className="table table--compact">
              <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('bridges.offer')}</th><th scope="col">{t('col.due')}</th><th scope="col">{t('col.action')}</th></tr></thead>
              <tbody>{followUps.map((f) => (
                <tr key={f.followUpId} className={f.overdue ? 'row-overdue' : undefined}>
                  <th scope="row">{f.citizenName}</th><td>{f.activity}, {f.associationName}</td>
                  <td>{t('bridges.months', { months: f.months })}: {date(f.dueOn)}{f.overdue ? ` (${t('bridges.overdue')})` : ''}</td>
                  <td><Link href={`/borger/${f.citizenId}/brobygning`}>{t('bridges.open')}<span className="sr-only"> – {f.citizenName}, {t('bridges.months', { months: f.months })}</span></Link></td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
        )}</Loaded>
      </section>
      <section aria-labelledby="find-heading">
        <h2 id="find-heading">{t('bridges.new')}</h2>
        <CitizenPicker hrefOf={(c) => `/borger/${c.id}/brobygning`} />
      </section>
    </>
  );
}

/**
 * A citizen's bridges with their 3- and 6-month follow-ups, and a form to bridge to a new association
 * offer. A bridge or a follow-up's answer recorded by mistake can be marked entered in error after a
 * confirmation (with the version read); it stays on the page, struck through and labelled.
 */
export function CitizenBridgesPage({ citizenId }: { citizenId: string }) {
  const { t, date } = useI18n();
  const state = useLoad(async () => {
    // The citizen's name comes with the bridges: a bridge-builder may not read the rest of the record.
    const [bridges, registry] = await Promise.all([
      api.get<{ citizenName: string; bridges: Bridge[] }>(`/api/citizens/${citizenId}/bridges`), api.get<{ associations: Association[] }>('/api/associations'),
    ]);
    return { name: bridges.citizenName, bridges: bridges.bridges, offers: registry.associations.flatMap((a) => a.offers.map((o) => ({ id: o.id, label: `${o.activity} – ${a.name}` }))) };
  }, [citizenId]);
  const name = state.data?.name ?? '';
  usePageTitle(name ? t('bridges.for', { name }) : t('bridges.title'));
  const [saved, setSaved] = useState<string | null>(null);
  const done = (text: string) => { setSaved(text); void state.reload(); };
  const eie = useEnteredInError(() => state.reload(), t('bridges.eieConflict'));
  const correction: Correction = { ...eie, ask: (id: string) => { setSaved(null); eie.ask(id); } };
  return (
    <Loaded state={state}>{({ bridges, offers }) => (
      <>
        <h1 tabIndex={-1}>{t('bridges.for', { name })}</h1>
        <p><Link href={`/borger/${citizenId}`} className="back-link">{name}</Link></p>
        <div aria-live="polite" className="live-region">{saved && <Alert variant="success">{saved}</Alert>}<OutcomeAlert outcome={eie.outcome} /></div>
        {bridges.length === 0 ? <p>{t('bridges.none')}</p> : bridges.map((b) => {
          const inError = b.status === 'entered-in-error';
          const what = `${b.activity} – ${b.associationName}, ${date(b.bridgedOn)}`;
          const Text = inError ? 'del' : 'span';
          return (
            <section key={b.id} aria-labelledby={`bridge-${b.id}`} className={`bridge${inError ? ' entered-in-error' : ''}`}>
              <h2 id={`bridge-${b.id}`}><Text>{b.activity} – {b.associationName}</Text></h2>
              {inError && <p><span className="badge badge-error">{t('eie.label')}</span></p>}
              <p><Text>{date(b.bridgedOn)} · {t(`companion.${b.companion}` as MessageKey)}</Text></p>
              {b.followUps.map((f) => <FollowUpBlock key={f.id} followUp={f} bridge={b.activity} bridgeInError={inError} correction={correction}
                next={!inError && f.id === b.followUps.find((x) => !x.followedUpOn)?.id} onSaved={() => done(t('bridges.recordedSaved'))} />)}
              {!inError && correction.confirming !== b.id && (
                <p><button type="button" className="button button-tertiary" onClick={() => correction.ask(b.id)}>{t('bridges.eieMark')}<span className="sr-only">: {what}</span></button></p>
              )}
              {correction.confirming === b.id && (
                <ConfirmEnteredInError id={b.id} question={t('eie.confirmTitle', { what })} text={t('bridges.eieText')} busy={correction.busy}
                  onConfirm={() => void correction.mark(`/api/bridges/${b.id}/entered-in-error`, b.version, what)} onCancel={correction.cancel} />
              )}
            </section>
          );
        })}
        <NewBridge citizenId={citizenId} offers={offers} onSaved={() => done(t('bridges.created'))} />
      </>
    )}</Loaded>
  );
}

/**
 * A recorded follow-up says what was found (and can be marked entered in error); answers marked so
 * are listed struck through; the next one due has its form, later ones only their due date.
 */
function FollowUpBlock({ followUp: f, next, bridge, bridgeInError, correction, onSaved }: {
  followUp: FollowUp; next: boolean; bridge: string; bridgeInError: boolean; correction: Correction; onSaved(): void;
}) {
  const { t, date } = useI18n();
  const heading = t('bridges.followUp', { months: f.months });
  const answer = (a: { followedUpOn: string; stillActive: boolean | null; reason: string | null }) =>
    t('bridges.recorded', { date: date(a.followedUpOn), active: t(a.stillActive ? 'bridges.active' : 'bridges.inactive'), reason: a.reason ? t(`reason.${a.reason}` as MessageKey) : '' });
  const key = `fu-${f.id}`;
  const wrong = f.enteredInError.length > 0 && (
    <ul className="nobullet-list">{f.enteredInError.map((e, i) => <li key={i}><span className="badge badge-error">{t('eie.label')}</span> <del>{answer(e)}</del></li>)}</ul>
  );
  if (f.followedUpOn) {
    const what = `${heading}: ${answer({ ...f, followedUpOn: f.followedUpOn })}`;
    const Text = bridgeInError ? 'del' : 'span';
    return (
      <div className="follow-up">
        <h3 className="h4">{heading}</h3>
        {wrong}
        <p><Text>{answer({ ...f, followedUpOn: f.followedUpOn })}</Text></p>
        {!bridgeInError && correction.confirming !== key && (
          <p><button type="button" className="function-link" onClick={() => correction.ask(key)}>{t('bridges.eieFollowUpMark')}<span className="sr-only">: {heading}, {bridge}</span></button></p>
        )}
        {correction.confirming === key && (
          <ConfirmEnteredInError id={key} question={t('eie.confirmTitle', { what })} text={t('bridges.eieFollowUpText')} busy={correction.busy}
            onConfirm={() => void correction.mark(`/api/bridge-follow-ups/${f.id}/entered-in-error`, f.version, what)} onCancel={correction.cancel} />
        )}
      </div>
    );
  }
  return <div className="follow-up"><h3 className="h4">{heading}</h3>{wrong}<p>{t('bridges.dueOn', { date: date(f.dueOn) })}</p>{next && <FollowUpForm followUp={f} heading={heading} onSaved={onSaved} />}</div>;
}

function FollowUpForm({ followUp, heading, onSaved }: { followUp: FollowUp; heading: string; onSaved(): void }) {
  const { t } = useI18n();
  const id = `fu${followUp.months}`;
  const { values: f, set, setValues: setF } = useFields({ followedUpOn: localNow().date, stillActive: '', reason: '', note: '' });
  const submit = useSubmit((p) => `${id}-${p}`);
  const reasons = f.stillActive === 'yes' ? stayedReasons : f.stillActive === 'no' ? leftReasons : [];
  const validate = (): Errors => {
    const e: Errors = {};
    if (!f.stillActive) e[`${id}-stillActive`] = t('rule.required', { label: t('bridges.stillActive') });
    else if (!f.reason) e[`${id}-reason`] = t('rule.required', { label: t('bridges.reason') });
    return e;
  };
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    await api.post(`/api/bridge-follow-ups/${followUp.id}`, { version: followUp.version, followedUpOn: f.followedUpOn, stillActive: f.stillActive === 'yes', reason: f.reason, note: f.note.trim() || null }, key);
    onSaved();
  });
  return (
    <PlanningForm submit={submit} onSubmit={save} label={heading} primary submitLabel={<>{t('bridges.record')}<span className="sr-only"> – {heading}</span></>}>
      <TextField id={`${id}-followedUpOn`} type="date" label={t('bridges.followedUpOn')} value={f.followedUpOn} onChange={set('followedUpOn')} errors={submit.errors} />
      <Radios id={`${id}-stillActive`} legend={t('bridges.stillActive')} value={f.stillActive} onChange={(v) => setF((s) => ({ ...s, stillActive: v, reason: '' }))} errors={submit.errors}
        options={[{ value: 'yes', label: t('bridges.yes') }, { value: 'no', label: t('bridges.no') }]} />
      {reasons.length > 0 && <Select id={`${id}-reason`} label={t('bridges.reason')} value={f.reason} onChange={set('reason')} errors={submit.errors}
        placeholder={t('newTeam.choose')} options={reasons.map((r) => ({ value: r, label: t(`reason.${r}` as MessageKey) }))} />}
      <TextArea id={`${id}-note`} label={t('form.note')} value={f.note} onChange={set('note')} errors={submit.errors} />
    </PlanningForm>
  );
}

function NewBridge({ citizenId, offers, onSaved }: { citizenId: string; offers: { id: string; label: string }[]; onSaved(): void }) {
  const { t } = useI18n();
  const { values: f, set, reset } = useFields({ associationOfferId: '', bridgedOn: localNow().date, companion: 'none' });
  const submit = useSubmit();
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.associationOfferId ? {} : { associationOfferId: t('rule.required', { label: t('bridges.offer') }) }), async (key) => {
    await api.post('/api/bridges', { citizenId, ...f }, key);
    reset();
    onSaved();
  });
  return (
    <FormSection id="new-bridge" heading={t('bridges.new')} submit={submit} onSubmit={save} submitLabel={t('bridges.create')} primary>
      <Select id="associationOfferId" label={t('bridges.offer')} value={f.associationOfferId} onChange={set('associationOfferId')} errors={submit.errors} placeholder={t('newTeam.choose')} options={offers.map((o) => ({ value: o.id, label: o.label }))} />
      <TextField id="bridgedOn" type="date" label={t('bridges.date')} value={f.bridgedOn} onChange={set('bridgedOn')} errors={submit.errors} />
      <Radios id="companion" legend={t('bridges.companion')} value={f.companion} onChange={set('companion')} errors={submit.errors}
        options={['none', 'volunteer', 'staff', 'relative'].map((c) => ({ value: c, label: t(`companion.${c}` as MessageKey) }))} />
    </FormSection>
  );
}
