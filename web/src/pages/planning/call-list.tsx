import { useState } from 'react';
import { api } from '../../api.ts';
import type { CallEntry } from '../../api-planning.ts';
import { useCodes } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Alert, Radios, Select, TableScroll, TextArea, useSubmit, type Errors } from '../../ui/form.tsx';
import { PanelSection, PlanningForm, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';

/** The attendance early warning: who missed two sessions in a row, their history, and the call's outcome. */
export function CallListPage() {
  const { t, date, dateTime } = useI18n();
  usePageTitle(t('calls.title'));
  const state = useLoad(() => api.get<{ entries: CallEntry[] }>('/api/attendance-call-list'), []);
  const [open, setOpen] = useState<CallEntry | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <h1 tabIndex={-1}>{t('calls.title')}</h1>
      <p>{t('calls.intro')}</p>
      <div aria-live="polite" className="live-region">{saved && <Alert variant="success">{t('calls.saved', { name: saved })}</Alert>}</div>
      <Loaded state={state}>{({ entries }) => entries.length === 0 ? <p>{t('calls.empty')}</p> : (
        <TableScroll label={t('calls.title')}>
          <table className="table table--compact">
            <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.team')}</th><th scope="col">{t('calls.history')}</th><th scope="col">{t('calls.phone')}</th><th scope="col">{t('col.action')}</th></tr></thead>
            <tbody>{entries.map((e) => (
              <tr key={e.interventionId}>
                <th scope="row"><Link href={`/borger/${e.citizenId}`}>{e.citizenName}</Link>
                  {e.lastCall && <><br /><span className="meta">{t('calls.lastCall', { date: dateTime(e.lastCall.calledAt), outcome: t(`call.${e.lastCall.outcome}` as MessageKey) })}</span></>}</th>
                <td><Link href={`/hold/${e.teamId}`}>{e.teamName}</Link></td>
                <td><ul className="nobullet-list attendance-history">{e.history.map((h) => (
                  <li key={h.sessionNumber} className={`attendance-${h.attendance}`}>{h.sessionNumber}. {date(h.startAt)}: {t(`attendance.${h.attendance}` as MessageKey)}</li>
                ))}</ul></td>
                <td>{e.phone ?? '–'}</td>
                <td><button type="button" className="button button-secondary" onClick={() => { setOpen(e); setSaved(null); }}>{t('calls.record')}<span className="sr-only"> – {e.citizenName}</span></button></td>
              </tr>
            ))}</tbody>
          </table>
        </TableScroll>
      )}</Loaded>
      {open && <CallForm key={open.interventionId} entry={open} onSaved={() => { setSaved(open.citizenName); setOpen(null); void state.reload(); }} />}
    </>
  );
}

function CallForm({ entry, onSaved }: { entry: CallEntry; onSaved(): void }) {
  const { t } = useI18n();
  const codes = useCodes();
  const { values: f, set } = useFields({ outcome: '', cancellationReason: '', note: '' });
  const submit = useSubmit();
  const validate = (): Errors => {
    const e: Errors = {};
    if (!f.outcome) e.outcome = t('rule.required', { label: t('calls.outcome') });
    if (f.outcome === 'dropped_out' && !f.cancellationReason) e.cancellationReason = t('rule.reason');
    return e;
  };
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    await api.post(`/api/attendance-call-list/${entry.interventionId}/calls`, {
      interventionVersion: entry.interventionVersion, outcome: f.outcome, ...(f.outcome === 'dropped_out' ? { cancellationReason: f.cancellationReason } : {}),
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    }, key);
    onSaved();
  });
  return (
    <PanelSection id="call-heading" heading={t('calls.for', { name: entry.citizenName })}>
      <PlanningForm submit={submit} onSubmit={save} submitLabel={t('form.save')} primary>
        <Radios id="outcome" legend={t('calls.outcome')} value={f.outcome} onChange={set('outcome')} errors={submit.errors}
          options={['continues', 'no_answer', 'dropped_out'].map((o) => ({ value: o, label: t(`call.${o}` as MessageKey) }))} />
        {f.outcome === 'dropped_out' && (
          <Select id="cancellationReason" label={t('calls.reason')} value={f.cancellationReason} onChange={set('cancellationReason')} errors={submit.errors}
            placeholder={t('newTeam.choose')} options={codes.valueSets.cancellationReasons.map((c) => ({ value: c.code, label: c.display }))} />
        )}
        <TextArea id="note" label={t('form.note')} value={f.note} onChange={set('note')} errors={submit.errors} />
      </PlanningForm>
    </PanelSection>
  );
}
