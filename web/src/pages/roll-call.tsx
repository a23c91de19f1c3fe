import { useRef, useState } from 'react';
import { api, ApiError, newIdempotencyKey, type Participant, type Session } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link } from '../router.tsx';
import { Alert } from '../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../ui/load.tsx';

type RollCall = { session: Session & { teamName: string; sessionCount: number | null }; participants: Participant[] };
const choices = ['present', 'absent', 'excused'] as const;

/**
 * Roll call: one row per participant with three toggle buttons, so each mark is one click (or Tab
 * and Space). Each mark names the attendance version the user saw; a colleague's newer mark wins
 * with an explanation instead of being overwritten.
 */
export function RollCallPage({ teamId, sessionId }: { teamId: string; sessionId: string }) {
  const { t, date, time } = useI18n();
  const state = useLoad(() => api.get<RollCall>(`/api/team-sessions/${sessionId}`), [sessionId]);
  const [rows, setRows] = useState<Participant[] | null>(null);
  const [message, setMessage] = useState<{ variant: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const keys = useRef(new Map<string, string>());
  usePageTitle(t('roll.title'));
  const participants = rows ?? state.data?.participants ?? [];

  const mark = async (p: Participant, attendance: (typeof choices)[number]) => {
    if (busy) return;
    setBusy(p.referralId);
    const keyId = `${p.referralId}:${attendance}:${p.encounterVersion}`;
    if (!keys.current.has(keyId)) keys.current.set(keyId, newIdempotencyKey());
    try {
      const updated = await api.post<Participant>(`/api/team-sessions/${sessionId}/attendance`, { referralId: p.referralId, attendance, version: p.encounterVersion }, keys.current.get(keyId));
      setRows(participants.map((x) => (x.referralId === p.referralId ? updated : x)));
      setMessage({ variant: 'success', text: t('roll.saved', { name: p.citizenName, attendance: t(`attendance.${attendance}`) }) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 412) {
        const fresh = await state.reload();
        setRows(fresh?.participants ?? null);
        setMessage({ variant: 'warning', text: t('roll.conflict', { name: p.citizenName }) });
      } else setMessage({ variant: 'error', text: err.message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p><Link href={`/hold/${teamId}`} className="back-link">{t('roll.back')}</Link></p>
      <Loaded state={state}>{({ session }) => (
        <>
          <h1 tabIndex={-1}>{t('roll.title')}: {session.teamName}</h1>
          <p className="lead">{t('team.session', { number: session.number, count: session.sessionCount ?? '–' })}, {date(session.startAt)} {time(session.startAt)}–{time(session.endAt)}{session.location ? `, ${session.location}` : ''}</p>
          <p>{t('roll.intro')}</p>
          <div aria-live="polite" className="live-region">{message && <Alert variant={message.variant}>{message.text}</Alert>}</div>
          {participants.length === 0 ? <p>{t('roll.empty')}</p> : (
            <table className="table table--compact roll-call">
              <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.attendance')}</th><th scope="col">{t('col.action')}</th></tr></thead>
              <tbody>{participants.map((p) => (
                <tr key={p.referralId} data-attendance={p.attendance}>
                  <th scope="row">{p.citizenName}</th>
                  <td className={`attendance attendance-${p.attendance}`}>{t(`attendance.${p.attendance}` as MessageKey)}</td>
                  <td>
                    <div className="attendance-buttons" role="group" aria-label={`${t('col.attendance')} ${t('roll.for', { name: p.citizenName })}`}>
                      {choices.map((c) => (
                        <button key={c} type="button" className={`button ${p.attendance === c ? 'button-primary' : 'button-secondary'} attendance-button`}
                          aria-pressed={p.attendance === c} aria-busy={busy === p.referralId} onClick={() => void mark(p, c)}>
                          {t(`attendance.${c}`)}<span className="sr-only"> {t('roll.for', { name: p.citizenName })}</span>
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </>
      )}</Loaded>
    </>
  );
}
