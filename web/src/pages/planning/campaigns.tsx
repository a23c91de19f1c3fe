import { useState } from 'react';
import { api } from '../../api.ts';
import type { Campaign, CampaignContact, CampaignDetail, ChannelResult } from '../../api-planning.ts';
import { localNow, toInstant, useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link, navigate } from '../../router.tsx';
import { Alert, ErrorSummary, ProblemAlert, Radios, Select, TableScroll, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { channels, outcomes } from '../../../../src/recruitment/results.ts';

function Results({ rows }: { rows: ChannelResult[] }) {
  const { t } = useI18n();
  return (
    <table className="table table--compact">
      <thead><tr><th scope="col">{t('campaigns.channel')}</th><th scope="col">{t('campaigns.contacts')}</th><th scope="col">{t('campaigns.attempts')}</th><th scope="col">{t('campaigns.recruited')}</th></tr></thead>
      <tbody>{rows.map((r) => <tr key={r.channel}><th scope="row">{t(`channel.${r.channel}` as MessageKey)}</th><td>{r.contacts}</td><td>{r.attempts}</td><td>{r.recruited}</td></tr>)}</tbody>
    </table>
  );
}

export function CampaignsPage() {
  const { t, date } = useI18n();
  usePageTitle(t('campaigns.title'));
  const state = useLoad(() => api.get<{ campaigns: Campaign[] }>('/api/campaigns'), []);
  const [f, setF] = useState({ name: '', area: '', courseDate: '', startsOn: localNow().date, endsOn: '' });
  const submit = useSubmit((p) => (p === 'name' ? 'campaignName' : p));
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => {
    const e: Errors = {};
    if (!f.name.trim()) e.campaignName = t('rule.required', { label: t('campaigns.name') });
    if (!f.endsOn) e.endsOn = t('rule.required', { label: t('campaigns.endsOn') });
    return e;
  }, async (key) => {
    const c = await api.post<Campaign>('/api/campaigns', { name: f.name.trim(), area: f.area.trim() || null, courseDate: f.courseDate || null, startsOn: f.startsOn, endsOn: f.endsOn }, key);
    navigate(`/kampagner/${c.id}`);
  });
  return (
    <>
      <h1 tabIndex={-1}>{t('campaigns.title')}</h1>
      <p>{t('campaigns.intro')}</p>
      <Loaded state={state}>{({ campaigns }) => campaigns.length === 0 ? <p>{t('campaigns.empty')}</p> : (
        <TableScroll label={t('campaigns.title')}>
          <table className="table table--compact">
            <thead><tr><th scope="col">{t('campaigns.name')}</th><th scope="col">{t('campaigns.courseDate')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('campaigns.recruited')}</th></tr></thead>
            <tbody>{campaigns.map((c) => (
              <tr key={c.id}><th scope="row"><Link href={`/kampagner/${c.id}`}>{c.name}</Link></th><td>{c.courseDate ? date(c.courseDate) : '–'}</td>
                <td>{t(`campaigns.status.${c.status}` as MessageKey)}</td><td>{c.results.total.recruited} / {c.results.total.contacts}</td></tr>
            ))}</tbody>
          </table>
        </TableScroll>
      )}</Loaded>
      <section aria-labelledby="new-campaign">
        <h2 id="new-campaign">{t('campaigns.create')}</h2>
        <ErrorSummary errors={submit.errors} />
        <ProblemAlert state={submit} />
        <form onSubmit={(e) => void save(e)} noValidate>
          <TextField id="campaignName" label={`${t('campaigns.name')} ${t('form.required')}`} value={f.name} onChange={(v) => setF((s) => ({ ...s, name: v }))} errors={submit.errors} />
          <div className="field-row">
            <TextField id="area" label={t('campaigns.area')} value={f.area} onChange={(v) => setF((s) => ({ ...s, area: v }))} errors={submit.errors} optional />
            <TextField id="courseDate" type="date" label={t('campaigns.courseDate')} value={f.courseDate} onChange={(v) => setF((s) => ({ ...s, courseDate: v }))} errors={submit.errors} optional />
            <TextField id="startsOn" type="date" label={t('campaigns.startsOn')} value={f.startsOn} onChange={(v) => setF((s) => ({ ...s, startsOn: v }))} errors={submit.errors} />
            <TextField id="endsOn" type="date" label={`${t('campaigns.endsOn')} ${t('form.required')}`} value={f.endsOn} onChange={(v) => setF((s) => ({ ...s, endsOn: v }))} errors={submit.errors} />
          </div>
          <button type="submit" className="button button-primary" disabled={submit.busy}>{t('campaigns.create')}</button>
        </form>
      </section>
    </>
  );
}

/** One campaign: the call list with attempts and who made them, results per channel, adding people, ending. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const { t, date, dateTime } = useI18n();
  const state = useLoad(() => api.get<CampaignDetail>(`/api/campaigns/${campaignId}`), [campaignId]);
  usePageTitle(state.data?.name ?? t('campaigns.title'));
  const [notice, setNotice] = useState<string | null>(null);
  const end = useSubmit();
  return (
    <>
      <p><Link href="/kampagner" className="back-link">{t('campaigns.title')}</Link></p>
      <Loaded state={state}>{(c) => (
        <>
          <h1 tabIndex={-1}>{c.name}</h1>
          <p>{c.courseDate ? `${t('campaigns.courseDate')}: ${date(c.courseDate)}. ` : ''}{t(`campaigns.status.${c.status}` as MessageKey)}. {t('campaigns.recruited')}: {c.results.total.recruited} / {c.results.total.contacts}</p>
          <div aria-live="polite" className="live-region">{notice && <Alert variant="success">{notice}</Alert>}</div>
          <h2>{t('campaigns.results')}</h2>
          <Results rows={c.results.channels} />
          <h2>{t('campaigns.callList')}</h2>
          <TableScroll label={t('campaigns.callList')}>
            <table className="table table--compact">
              <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('campaigns.phone')}</th><th scope="col">{t('campaigns.attempts')}</th></tr></thead>
              <tbody>{c.contacts.map((x) => (
                <tr key={x.id}><th scope="row">{x.erased ? t('campaigns.erased') : x.name}</th><td>{x.phone ?? '–'}</td>
                  <td>{x.attempts.map((a, i) => <div key={i}>{dateTime(a.attemptedAt)}: {t(`channel.${a.channel}` as MessageKey)}, {t(`outcome.${a.outcome}` as MessageKey)}{a.performedBy ? ` (${a.performedBy})` : ''}</div>)}</td></tr>
              ))}</tbody>
            </table>
          </TableScroll>
          {c.status === 'active' && (
            <>
              <AttemptForm contacts={c.contacts.filter((x) => !x.erased)} onSaved={() => { setNotice(t('planning.saved')); void state.reload(); }} />
              <ContactForm campaignId={c.id} onSaved={() => { setNotice(t('planning.saved')); void state.reload(); }} />
              <p>{t('campaigns.erasedNote')}</p>
              <ProblemAlert state={end} />
              <button type="button" className="button button-secondary" onClick={() => void end.run(null, () => ({}), async (key) => {
                await api.post(`/api/campaigns/${c.id}/end`, { version: c.version }, key);
                setNotice(t('campaigns.ended'));
                await state.reload();
              })}>{t('campaigns.end')}</button>
            </>
          )}
        </>
      )}</Loaded>
    </>
  );
}

function AttemptForm({ contacts, onSaved }: { contacts: CampaignContact[]; onSaved(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ contactId: '', channel: 'phone', outcome: 'answered' });
  const submit = useSubmit();
  if (contacts.length === 0) return null;
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.contactId ? {} : { contactId: t('rule.required', { label: t('col.citizen') }) }), async (key) => {
    const now = localNow();
    await api.post(`/api/campaign-contacts/${f.contactId}/attempts`, { attemptedAt: toInstant(now.date, now.time), channel: f.channel, outcome: f.outcome }, key);
    onSaved();
  });
  return (
    <section aria-labelledby="attempt-heading">
      <h2 id="attempt-heading">{t('campaigns.record')}</h2>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <Select id="contactId" label={t('col.citizen')} value={f.contactId} onChange={(v) => setF((s) => ({ ...s, contactId: v }))} errors={submit.errors} placeholder={t('newTeam.choose')} options={contacts.map((x) => ({ value: x.id, label: x.name ?? x.id }))} />
          <Select id="channel" label={t('campaigns.channel')} value={f.channel} onChange={(v) => setF((s) => ({ ...s, channel: v }))} errors={submit.errors} options={channels.map((x) => ({ value: x, label: t(`channel.${x}` as MessageKey) }))} />
          <Select id="outcome" label={t('campaigns.outcome')} value={f.outcome} onChange={(v) => setF((s) => ({ ...s, outcome: v }))} errors={submit.errors} options={outcomes.map((x) => ({ value: x, label: t(`outcome.${x}` as MessageKey) }))} />
        </div>
        <button type="submit" className="button button-primary" disabled={submit.busy}>{t('campaigns.record')}</button>
      </form>
    </section>
  );
}

function ContactForm({ campaignId, onSaved }: { campaignId: string; onSaved(): void }) {
  const { t } = useI18n();
  const blank = { givenName: '', familyName: '', phone: '', legalBasis: '', legalBasisNote: '' };
  const [f, setF] = useState(blank);
  const submit = useSubmit();
  const set = (k: keyof typeof blank) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => {
    const e: Errors = {};
    if (!f.givenName.trim()) e.givenName = t('rule.required', { label: t('campaigns.givenName') });
    if (!f.familyName.trim()) e.familyName = t('rule.required', { label: t('campaigns.familyName') });
    if (!f.legalBasis) e.legalBasis = t('rule.required', { label: t('campaigns.legalBasis') });
    if (!f.legalBasisNote.trim()) e.legalBasisNote = t('rule.required', { label: t('campaigns.basisNote') });
    return e;
  }, async (key) => {
    await api.post(`/api/campaigns/${campaignId}/contacts`, { givenName: f.givenName.trim(), familyName: f.familyName.trim(), phone: f.phone.trim() || null, legalBasis: f.legalBasis, legalBasisNote: f.legalBasisNote.trim() }, key);
    setF(blank);
    onSaved();
  });
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('campaigns.addContact')}</h2>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="field-row">
          <TextField id="givenName" label={`${t('campaigns.givenName')} ${t('form.required')}`} value={f.givenName} onChange={set('givenName')} errors={submit.errors} autoComplete="off" />
          <TextField id="familyName" label={`${t('campaigns.familyName')} ${t('form.required')}`} value={f.familyName} onChange={set('familyName')} errors={submit.errors} autoComplete="off" />
          <TextField id="phone" label={t('campaigns.phone')} value={f.phone} onChange={set('phone')} errors={submit.errors} optional autoComplete="off" />
        </div>
        <Radios id="legalBasis" legend={`${t('campaigns.legalBasis')} ${t('form.required')}`} value={f.legalBasis} onChange={set('legalBasis')} errors={submit.errors}
          options={['consent', 'public_task'].map((b) => ({ value: b, label: t(`campaigns.basis.${b}` as MessageKey) }))} />
        <TextField id="legalBasisNote" label={`${t('campaigns.basisNote')} ${t('form.required')}`} value={f.legalBasisNote} onChange={set('legalBasisNote')} errors={submit.errors} />
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('campaigns.add')}</button>
      </form>
    </section>
  );
}
