import { useState } from 'react';
import { api, ApiError, newIdempotencyKey, type Session } from '../../api.ts';
import type { Overbooking, ProgressRow, WaitingEntry } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link, useLocation } from '../../router.tsx';
import { Alert, Select, TableScroll, TextField, useSubmit, type Errors } from '../../ui/form.tsx';
import { FormSection, useFields } from '../../ui/form-section.tsx';
import { Loaded, useLoad } from '../../ui/load.tsx';

/** What a team page adds for planning and follow-through: completion, the waiting list, overbooking, moving a session, reminders. */
export function TeamPlanning({ teamId, sessions, onChanged }: { teamId: string; sessions: Session[]; onChanged(): void }) {
  const { t, number } = useI18n();
  const { query } = useLocation();
  const created = query.get('oprettet');
  const state = useLoad(async () => {
    const [progress, waiting, overbooking] = await Promise.all([
      api.get<{ threshold: number; participants: ProgressRow[] }>(`/api/teams/${teamId}/progress`),
      api.get<{ entries: WaitingEntry[] }>(`/api/teams/${teamId}/waiting-list`),
      api.get<Overbooking>(`/api/teams/${teamId}/overbooking`),
    ]);
    return { progress, waiting: waiting.entries, overbooking };
  }, [teamId]);
  const [message, setMessage] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);
  const act = async (run: () => Promise<unknown>, success: string) => {
    try {
      await run();
      setMessage({ variant: 'success', text: success });
      await state.reload();
      onChanged();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setMessage({ variant: 'error', text: err.message });
    }
  };
  return (
    <>
      {created && <Alert variant="success">{t('newTeam.created', { count: created })}</Alert>}
      <div aria-live="polite" className="live-region">{message && <Alert variant={message.variant}>{message.text}</Alert>}</div>
      <Loaded state={state}>{({ progress, waiting, overbooking }) => (
        <>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">{t('plan.progress')}</h2>
            <p>{t('plan.progressIntro', { percent: Math.round(progress.threshold * 100) })}</p>
            {progress.participants.length === 0 ? <p>{t('roll.empty')}</p> : (
              <TableScroll label={t('plan.progress')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('plan.attended')}</th><th scope="col">{t('plan.needed')}</th><th scope="col">{t('plan.missed')}</th><th scope="col">{t('plan.completion')}</th></tr></thead>
                  <tbody>{progress.participants.map((p) => (
                    <tr key={p.referralId} className={p.missedInARow >= 2 ? 'row-overdue' : undefined}>
                      <th scope="row"><Link href={`/borger/${p.citizenId}`}>{p.citizenName}</Link></th>
                      <td>{p.attended} / {p.planned}</td><td>{p.needed}</td><td>{p.missedInARow}</td>
                      <td>{t(`completion.${p.completion}` as MessageKey)}</td>
                    </tr>
                  ))}</tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <section aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{t('plan.waiting')}</h2>
            {waiting.length === 0 ? <p>{t('plan.waitingEmpty')}</p> : (
              <TableScroll label={t('plan.waiting')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('plan.position')}</th><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('plan.message')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                  <tbody>{waiting.map((w) => (
                    <tr key={w.id}>
                      <td>{w.position ?? '–'}</td>
                      <th scope="row"><Link href={`/borger/${w.citizenId}`}>{w.citizenName}</Link></th>
                      <td>{t(`waiting.${w.status}` as MessageKey)}</td>
                      <td>{w.notification ? `${t(`channel.${w.notification.channel}` as MessageKey)}: ${t(`message.${w.notification.status}` as MessageKey)}` : t('message.none')}</td>
                      <td>{['waiting', 'offered'].includes(w.status) && (
                        <div className="button-list">
                          <button type="button" className="button button-secondary" onClick={() => void act(() => api.post(`/api/waiting-list/${w.id}/enrol`, { version: w.version }, newIdempotencyKey()), t('planning.saved'))}>
                            {t('plan.enrol')}<span className="sr-only"> – {w.citizenName}</span></button>
                          <button type="button" className="button button-tertiary" onClick={() => void act(() => api.post(`/api/waiting-list/${w.id}/status`, { version: w.version, status: 'declined' }, newIdempotencyKey()), t('planning.saved'))}>
                            {t('plan.decline')}<span className="sr-only"> – {w.citizenName}</span></button>
                        </div>
                      )}</td>
                    </tr>
                  ))}</tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <section aria-labelledby="overbooking-heading">
            <h2 id="overbooking-heading">{t('plan.overbooking')}</h2>
            <p>{t('plan.overbookingText', { rate: Math.round(overbooking.typicalRate * 100), booked: overbooking.booked, expected: number(overbooking.expectedAttendance), capacity: overbooking.capacity })}</p>
            <p><strong>{overbooking.extraPlaces > 0
              ? t('plan.overbookingAdvice', { total: Math.max(overbooking.capacity, overbooking.booked) + overbooking.extraPlaces, extra: overbooking.extraPlaces, expectedWithExtra: number(overbooking.expectedWithExtra), capacity: overbooking.capacity, risk: Math.round(overbooking.overflowRisk * 100) })
              : t('plan.overbookingNone')}</strong></p>
          </section>
        </>
      )}</Loaded>
      <MoveSession sessions={sessions.filter((s) => s.status === 'planned')} onMoved={() => { setMessage({ variant: 'success', text: t('plan.moved') }); onChanged(); }} />
      <p><button type="button" className="button button-secondary" onClick={() => void act(async () => {
        const r = await api.post<{ queued: number; withoutConsent: number; sent: number; failed: number }>('/api/session-reminders', { hoursAhead: 48 }, newIdempotencyKey());
        setMessage({ variant: 'success', text: t('plan.remindersSent', r) });
      }, '')}>{t('plan.reminders')}</button></p>
    </>
  );
}

function MoveSession({ sessions, onMoved }: { sessions: Session[]; onMoved(): void }) {
  const { t, date } = useI18n();
  const { values: f, set, reset } = useFields({ sessionId: '', date: '', startTime: '' });
  const submit = useSubmit((p) => (p === 'date' ? 'moveDate' : p));
  if (sessions.length === 0) return null;
  const save = (ev: React.FormEvent) => submit.run(ev, (): Errors => {
    const e: Errors = {};
    if (!f.sessionId) e.moveSession = t('rule.required', { label: t('plan.moveSession') });
    if (!f.date) e.moveDate = t('rule.required', { label: t('form.date') });
    if (!f.startTime) e.moveTime = t('rule.required', { label: t('form.startTime') });
    return e;
  }, async (key) => {
    const s = sessions.find((x) => x.id === f.sessionId)! as Session & { version?: number };
    await api.post(`/api/team-sessions/${s.id}/move`, { version: s.version ?? 1, date: f.date, startTime: f.startTime }, key);
    reset();
    onMoved();
  });
  return (
    <FormSection id="move-heading" heading={t('plan.move')} submit={submit} onSubmit={save} submitLabel={t('plan.moveSubmit')}>
      <div className="field-row">
        <Select id="moveSession" label={t('plan.moveSession')} value={f.sessionId} onChange={set('sessionId')} errors={submit.errors} placeholder={t('newTeam.choose')}
          options={sessions.map((s) => ({ value: s.id, label: `${s.number}: ${date(s.startAt)}` }))} />
        <TextField id="moveDate" type="date" label={t('form.date')} value={f.date} onChange={set('date')} errors={submit.errors} />
        <TextField id="moveTime" type="time" label={t('form.startTime')} value={f.startTime} onChange={set('startTime')} errors={submit.errors} />
      </div>
    </FormSection>
  );
}
