import { useEffect, useState } from 'react';
import { api, type Citizen, type Referral } from '../../api.ts';
import type { Campaign, CampaignContact, CampaignDetail } from '../../api-planning.ts';
import { localNow, toInstant, useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link, navigate } from '../../router.tsx';
import { Alert, ProblemAlert, Radios, Select, TableScroll, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { FormSection, PanelSection, PlanningForm, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { channels, outcomes } from '../../../../src/recruitment/results.ts';

/** Results per channel as a sentence ("146 recruited, of them 80 by phone") and a table with a total row. */
function Results({ results }: { results: Campaign['results'] }) {
  const { t } = useI18n();
  const channelName = (c: string) => t(`channel.${c}` as MessageKey);
  const parts = results.channels.filter((r) => r.recruited > 0).sort((x, y) => y.recruited - x.recruited)
    .map((r) => t('campaigns.via', { count: r.recruited, channel: channelName(r.channel).toLowerCase() }));
  return (
    <>
      <p className="campaign-summary">{results.total.recruited === 0 ? t('campaigns.summaryNone')
        : t('campaigns.summary', { recruited: results.total.recruited, parts: parts.join(', '), enrolled: results.total.enrolled })}</p>
      <TableScroll label={t('campaigns.results')}>
        <table className="table table--compact">
          <thead><tr><th scope="col">{t('campaigns.channel')}</th><th scope="col">{t('campaigns.contacts')}</th><th scope="col">{t('campaigns.attempts')}</th>
            <th scope="col">{t('campaigns.recruited')}</th><th scope="col">{t('campaigns.enrolled')}</th></tr></thead>
          <tbody>{results.channels.map((r) => <tr key={r.channel}><th scope="row">{channelName(r.channel)}</th><td>{r.contacts}</td><td>{r.attempts}</td><td>{r.recruited}</td><td>{r.enrolled}</td></tr>)}</tbody>
          <tfoot><tr><th scope="row">{t('campaigns.total')}</th><td>{results.total.contacts}</td><td>{results.channels.reduce((n, r) => n + r.attempts, 0)}</td>
            <td>{results.total.recruited}</td><td>{results.total.enrolled}</td></tr></tfoot>
        </table>
      </TableScroll>
    </>
  );
}

export function CampaignsPage() {
  const { t, date } = useI18n();
  usePageTitle(t('campaigns.title'));
  const state = useLoad(() => api.get<{ campaigns: Campaign[] }>('/api/campaigns'), []);
  const { values: f, set } = useFields({ name: '', area: '', courseDate: '', startsOn: localNow().date, endsOn: '' });
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
      <FormSection id="new-campaign" heading={t('campaigns.create')} submit={submit} onSubmit={save} submitLabel={t('campaigns.create')} primary>
        <TextField id="campaignName" label={`${t('campaigns.name')} ${t('form.required')}`} value={f.name} onChange={set('name')} errors={submit.errors} />
        <div className="field-row">
          <TextField id="area" label={t('campaigns.area')} value={f.area} onChange={set('area')} errors={submit.errors} optional />
          <TextField id="courseDate" type="date" label={t('campaigns.courseDate')} value={f.courseDate} onChange={set('courseDate')} errors={submit.errors} optional />
          <TextField id="startsOn" type="date" label={t('campaigns.startsOn')} value={f.startsOn} onChange={set('startsOn')} errors={submit.errors} />
          <TextField id="endsOn" type="date" label={`${t('campaigns.endsOn')} ${t('form.required')}`} value={f.endsOn} onChange={set('endsOn')} errors={submit.errors} />
        </div>
      </FormSection>
    </>
  );
}

/** One campaign: results per channel, the call list with every attempt and who made it, recording an outcome or an enrolment per person, adding people, ending. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const { t, date, dateTime } = useI18n();
  const state = useLoad(() => api.get<CampaignDetail>(`/api/campaigns/${campaignId}`), [campaignId]);
  usePageTitle(state.data?.name ?? t('campaigns.title'));
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ contactId: string; action: 'attempt' | 'enrol' } | null>(null);
  const end = useSubmit();
  const saved = (text: string) => { setOpen(null); setNotice(text); void state.reload(); };
  return (
    <>
      <p><Link href="/kampagner" className="back-link">{t('campaigns.title')}</Link></p>
      <Loaded state={state}>{(c) => {
        const active = c.status === 'active';
        const chosen = open && c.contacts.find((x) => x.id === open.contactId && !x.erased);
        return (
          <>
            <h1 tabIndex={-1}>{c.name}</h1>
            <p>{c.courseDate ? `${t('campaigns.courseDate')}: ${date(c.courseDate)}. ` : ''}{t(`campaigns.status.${c.status}` as MessageKey)}.</p>
            <div aria-live="polite" className="live-region">{notice && <Alert variant="success">{notice}</Alert>}</div>
            <h2>{t('campaigns.results')}</h2>
            <Results results={c.results} />
            <h2>{t('campaigns.callList')}</h2>
            <TableScroll label={t('campaigns.callList')}>
              <table className="table table--compact">
                <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('campaigns.phone')}</th><th scope="col">{t('campaigns.attempts')}</th>
                  <th scope="col">{t('campaigns.state')}</th>{active && <th scope="col">{t('col.action')}</th>}</tr></thead>
                <tbody>{c.contacts.map((x) => {
                  const name = x.erased ? t('campaigns.erased') : x.name ?? '';
                  const last = x.attempts.at(-1);
                  return (
                    <tr key={x.id}><th scope="row">{name}</th><td>{x.phone ?? '–'}</td>
                      <td>{x.attempts.map((a, i) => <div key={i}>{dateTime(a.attemptedAt)}: {t(`channel.${a.channel}` as MessageKey)}, {t(`outcome.${a.outcome}` as MessageKey)}{a.performedBy ? ` (${a.performedBy})` : ''}</div>)}</td>
                      <td>{x.enrolledReferralId ? <strong className="tag tag-success">{t('campaigns.enrolled')}</strong> : last ? t(`outcome.${last.outcome}` as MessageKey) : t('campaigns.notTried')}</td>
                      {active && <td>{!x.erased && (
                        <ul className="nobullet-list button-list">
                          <li><button type="button" className="button button-tertiary" aria-expanded={open?.contactId === x.id && open.action === 'attempt'}
                            onClick={() => { setNotice(null); setOpen({ contactId: x.id, action: 'attempt' }); }}>{t('campaigns.recordOutcome')}<span className="sr-only"> – {name}</span></button></li>
                          {!x.enrolledReferralId && <li><button type="button" className="button button-tertiary" aria-expanded={open?.contactId === x.id && open.action === 'enrol'}
                            onClick={() => { setNotice(null); setOpen({ contactId: x.id, action: 'enrol' }); }}>{t('campaigns.enrol')}<span className="sr-only"> – {name}</span></button></li>}
                        </ul>
                      )}</td>}
                    </tr>
                  );
                })}</tbody>
              </table>
            </TableScroll>
            {active && chosen && open.action === 'attempt' && <AttemptForm key={chosen.id} contact={chosen} onCancel={() => setOpen(null)} onSaved={() => saved(t('campaigns.recorded', { name: chosen.name ?? '' }))} />}
            {active && chosen && open.action === 'enrol' && !chosen.enrolledReferralId && <EnrolForm key={chosen.id} contact={chosen} onCancel={() => setOpen(null)}
              onSaved={() => saved(t('campaigns.enrolDone', { name: chosen.name ?? '' }))} onReload={async () => { await state.reload(); }} />}
            {active && (
              <>
                <ContactForm campaignId={c.id} onSaved={() => saved(t('planning.saved'))} />
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
        );
      }}</Loaded>
    </>
  );
}

function AttemptForm({ contact, onSaved, onCancel }: { contact: CampaignContact; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { values: f, set } = useFields({ channel: contact.attempts.at(-1)?.channel ?? 'phone', outcome: '' });
  const submit = useSubmit();
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (f.outcome ? {} : { outcome: t('rule.required', { label: t('campaigns.outcome') }) }), async (key) => {
    const now = localNow();
    await api.post(`/api/campaign-contacts/${contact.id}/attempts`, { attemptedAt: toInstant(now.date, now.time), channel: f.channel, outcome: f.outcome }, key);
    onSaved();
  });
  const heading = t('campaigns.recordHeading', { name: contact.name ?? '' });
  return (
    <PanelSection id="attempt-heading" heading={heading}>
      <PlanningForm submit={submit} onSubmit={save} submitLabel={t('campaigns.record')} primary label={heading}>
        <Select id="channel" label={t('campaigns.channel')} value={f.channel} onChange={set('channel')} errors={submit.errors} options={channels.map((x) => ({ value: x, label: t(`channel.${x}` as MessageKey) }))} />
        <Radios id="outcome" legend={`${t('campaigns.outcome')} ${t('form.required')}`} value={f.outcome} onChange={set('outcome')} errors={submit.errors}
          options={outcomes.map((x) => ({ value: x, label: t(`outcome.${x}` as MessageKey) }))} />
      </PlanningForm>
      <p><button type="button" className="button button-tertiary" onClick={onCancel}>{t('campaigns.cancel')}</button></p>
    </PanelSection>
  );
}

/** Open referrals to enrol a person with: the contact's own referral, or found by the citizen's name. */
async function openReferrals(citizens: { id: string; givenName: string; familyName: string }[]): Promise<{ value: string; label: string; receivedAt: string; name: string }[]> {
  const lists = await Promise.all(citizens.slice(0, 10).map(async (c) =>
    (await api.get<{ referrals: Referral[] }>(`/api/referrals?citizenId=${c.id}&limit=50`)).referrals
      .filter((r) => !['closed', 'entered_in_error'].includes(r.stage)).map((r) => ({ value: r.id, receivedAt: r.receivedAt, name: `${c.givenName} ${c.familyName}`, label: '' }))));
  return lists.flat();
}

/** Links the person's referral; after a 412 (a colleague changed the contact) the list is read again and the panel stays open with the newest version. */
function EnrolForm({ contact, onSaved, onCancel, onReload }: { contact: CampaignContact; onSaved(): void; onCancel(): void; onReload(): Promise<void> }) {
  const { t, date } = useI18n();
  const [query, setQuery] = useState(contact.name ?? '');
  const [found, setFound] = useState<{ value: string; label: string }[] | null>(null);
  const [referralId, setReferralId] = useState('');
  const search = useSubmit();
  const submit = useSubmit();
  const show = async (citizens: { id: string; givenName: string; familyName: string }[]) => {
    const options = (await openReferrals(citizens)).map((o) => ({ value: o.value, label: t('campaigns.enrolReferralOf', { name: o.name, date: date(o.receivedAt) }) }));
    setFound(options);
    setReferralId(options.find((o) => o.value === contact.referralId)?.value ?? options[0]?.value ?? '');
  };
  useEffect(() => {
    if (contact.citizenId) void api.get<Citizen>(`/api/citizens/${contact.citizenId}`).then((c) => show([c]));
  }, [contact.citizenId]);
  const find = (ev: React.FormEvent) => search.run(ev, (): Errors => (query.trim().length < 2 ? { 'enrol-name': t('rule.required', { label: t('picker.label') }) } : {}), async () => {
    await show((await api.post<{ citizens: Citizen[] }>('/api/citizens/search', { name: query.trim() })).citizens);
  });
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => (referralId ? {} : { referralId: t('rule.required', { label: t('campaigns.enrolReferral') }) }), async (key) => {
    await api.post(`/api/campaign-contacts/${contact.id}/enrol`, { referralId, version: contact.version }, key);
    onSaved();
  });
  const heading = t('campaigns.enrolHeading', { name: contact.name ?? '' });
  return (
    <PanelSection id="enrol-heading" heading={heading}>
      <p>{t('campaigns.enrolIntro')}</p>
      {!contact.citizenId && (
        <PlanningForm submit={search} onSubmit={find} submitLabel={t('campaigns.enrolSearch')} label={t('campaigns.enrolFind')}>
          <TextField id="enrol-name" label={t('picker.label')} value={query} onChange={setQuery} errors={search.errors} autoComplete="off" />
        </PlanningForm>
      )}
      {found && (found.length === 0 ? <p role="status">{t('campaigns.enrolNone')}</p> : (
        <PlanningForm submit={submit} onSubmit={save} submitLabel={t('campaigns.enrolSubmit')} primary label={heading}
          onReload={() => void onReload().then(submit.markReloaded)} conflict={{ title: t('registry.conflictTitle'), text: t('registry.conflict') }}>
          <Select id="referralId" label={t('campaigns.enrolReferral')} value={referralId} onChange={setReferralId} errors={submit.errors} options={found} />
        </PlanningForm>
      ))}
      <p><button type="button" className="button button-tertiary" onClick={onCancel}>{t('campaigns.cancel')}</button></p>
    </PanelSection>
  );
}
function ContactForm({ campaignId, onSaved }: { campaignId: string; onSaved(): void }) {
  const { t } = useI18n();
  const { values: f, set, reset } = useFields({ givenName: '', familyName: '', phone: '', legalBasis: '', legalBasisNote: '' });
  const submit = useSubmit();
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => {
    const e: Errors = {};
    if (!f.givenName.trim()) e.givenName = t('rule.required', { label: t('campaigns.givenName') });
    if (!f.familyName.trim()) e.familyName = t('rule.required', { label: t('campaigns.familyName') });
    if (!f.legalBasis) e.legalBasis = t('rule.required', { label: t('campaigns.legalBasis') });
    if (!f.legalBasisNote.trim()) e.legalBasisNote = t('rule.required', { label: t('campaigns.basisNote') });
    return e;
  }, async (key) => {
    await api.post(`/api/campaigns/${campaignId}/contacts`, { givenName: f.givenName.trim(), familyName: f.familyName.trim(), phone: f.phone.trim() || null, legalBasis: f.legalBasis, legalBasisNote: f.legalBasisNote.trim() }, key);
    reset();
    onSaved();
  });
  return (
    <FormSection id="contact-heading" heading={t('campaigns.addContact')} submit={submit} onSubmit={save} submitLabel={t('campaigns.add')}>
      <div className="field-row">
        <TextField id="givenName" label={`${t('campaigns.givenName')} ${t('form.required')}`} value={f.givenName} onChange={set('givenName')} errors={submit.errors} autoComplete="off" />
        <TextField id="familyName" label={`${t('campaigns.familyName')} ${t('form.required')}`} value={f.familyName} onChange={set('familyName')} errors={submit.errors} autoComplete="off" />
        <TextField id="phone" label={t('campaigns.phone')} value={f.phone} onChange={set('phone')} errors={submit.errors} optional autoComplete="off" />
      </div>
      <Radios id="legalBasis" legend={`${t('campaigns.legalBasis')} ${t('form.required')}`} value={f.legalBasis} onChange={set('legalBasis')} errors={submit.errors}
        options={['consent', 'public_task'].map((b) => ({ value: b, label: t(`campaigns.basis.${b}` as MessageKey) }))} />
      <TextField id="legalBasisNote" label={`${t('campaigns.basisNote')} ${t('form.required')}`} value={f.legalBasisNote} onChange={set('legalBasisNote')} errors={submit.errors} />
    </FormSection>
  );
}
