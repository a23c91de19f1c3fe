import { useState } from 'react';
import { api, type Me } from '../api.ts';
import { useCodes } from '../codes.tsx';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link } from '../router.tsx';
import { TableScroll } from '../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../ui/load.tsx';

interface Person { referralId: string; citizenId: string; citizenName: string }
interface Worklists {
  today: string; contactLimitDays: number;
  newReferrals: (Person & { receivedAt: string; sourceCode: string; daysSinceReceived: number; overdue: boolean })[];
  contactsDue: (Person & { lastAttemptAt: string; lastChannel: string; lastOutcome: string; phoneTries: number; nextAction: 'phone' | 'letter' | 'close'; dueOn: string })[];
  conversations: (Person & { startAt: string; class: string; today: boolean })[];
  myCitizens: (Person & { stage: string; nextStep: string; dueOn: string })[];
  teamSessions: { sessionId: string; teamId: string; teamName: string; number: number; sessionCount: number | null; startAt: string; location: string | null; participants: number; today: boolean }[];
}

const stepPath: Record<string, string> = {
  record_contact: 'kontakt', hold_clarifying_conversation: 'afklarende-samtale', grant_pathway: 'forloeb', start_pathway: 'start',
  end_pathway: 'afslut', follow_up: 'opfoelgning', close: 'luk',
};
export const stepHref = (citizenId: string, referralId: string, step: string, query = '') =>
  `/borger/${citizenId}/forloeb/${referralId}/${stepPath[step] ?? step}${query}`;

const LIMIT_KEY = 'ligevej.contactLimitDays';

export function FrontPage({ me }: { me: Me }) {
  const { t, date, dateTime, time } = useI18n();
  const codes = useCodes();
  usePageTitle(t('front.title'));
  const [limit, setLimit] = useState(() => Number(localStorage.getItem(LIMIT_KEY) ?? 5) || 5);
  const [limitText, setLimitText] = useState(String(limit));
  const state = useLoad(() => api.get<Worklists>(`/api/worklists?contactLimitDays=${limit}`), [limit, me.userId]);

  const applyLimit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Math.round(Number(limitText));
    if (n >= 1 && n <= 90) { localStorage.setItem(LIMIT_KEY, String(n)); setLimit(n); } else setLimitText(String(limit));
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('front.title')}</h1>
      <Loaded state={state}>{(w) => (
        <>
          <p>{t('front.today', { date: date(w.today) })}</p>
          <form className="limit-form" onSubmit={applyLimit}>
            <label className="form-label" htmlFor="contact-limit">{t('front.limit')}</label>
            <div className="limit-row">
              <input id="contact-limit" className="form-input input-width-xs" inputMode="numeric" value={limitText} onChange={(e) => setLimitText(e.target.value)} aria-describedby="contact-limit-unit" />
              <span id="contact-limit-unit">{t('front.limitUnit')}</span>
              <button type="submit" className="button button-secondary">{t('front.limitApply')}</button>
            </div>
          </form>

          <section aria-labelledby="wl-new">
            <h2 id="wl-new">{t('front.new.title')} ({w.newReferrals.length})</h2>
            {w.newReferrals.length === 0 ? <p>{t('front.new.empty')}</p> : (
              <TableScroll label={t('front.new.title')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.received')}</th><th scope="col">{t('front.new.days')}</th><th scope="col">{t('col.source')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                  <tbody>{w.newReferrals.map((r) => (
                    <tr key={r.referralId} className={r.overdue ? 'row-overdue' : undefined}>
                      <th scope="row"><Link href={`/borger/${r.citizenId}?forloeb=${r.referralId}`}>{r.citizenName}</Link></th>
                      <td>{date(r.receivedAt)}</td>
                      <td>{r.daysSinceReceived}{r.overdue && <> <span className="badge badge-error">{t('front.new.overdue')}</span></>}</td>
                      <td>{codes.display(r.sourceCode)}</td>
                      <td><Link href={stepHref(r.citizenId, r.referralId, 'record_contact')}>{t('front.new.action')}<span className="sr-only"> – {r.citizenName}</span></Link></td>
                    </tr>))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="wl-contact">
            <h2 id="wl-contact">{t('front.contact.title')} ({w.contactsDue.length})</h2>
            {w.contactsDue.length === 0 ? <p>{t('front.contact.empty')}</p> : (
              <TableScroll label={t('front.contact.title')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('front.contact.last')}</th><th scope="col">{t('front.contact.tries')}</th><th scope="col">{t('front.contact.due')}</th><th scope="col">{t('front.contact.next')}</th></tr></thead>
                  <tbody>{w.contactsDue.map((r) => (
                    <tr key={r.referralId}>
                      <th scope="row"><Link href={`/borger/${r.citizenId}?forloeb=${r.referralId}`}>{r.citizenName}</Link></th>
                      <td>{dateTime(r.lastAttemptAt)}: {t(`channel.${r.lastChannel}` as MessageKey)}, {t(`outcome.${r.lastOutcome}` as MessageKey).toLowerCase()}</td>
                      <td>{r.phoneTries}</td>
                      <td>{date(r.dueOn)}</td>
                      <td><Link href={r.nextAction === 'close' ? stepHref(r.citizenId, r.referralId, 'close') : stepHref(r.citizenId, r.referralId, 'record_contact', `?kanal=${r.nextAction}`)}>
                        {t(`action.${r.nextAction}`)}<span className="sr-only"> – {r.citizenName}</span></Link></td>
                    </tr>))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="wl-conv">
            <h2 id="wl-conv">{t('front.conv.title')} ({w.conversations.length})</h2>
            {w.conversations.length === 0 ? <p>{t('front.conv.empty')}</p> : (
              <TableScroll label={t('front.conv.title')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.when')}</th><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.form')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                  <tbody>{w.conversations.map((r) => (
                    <tr key={r.referralId + r.startAt}>
                      <td>{r.today ? <strong>{t('front.conv.today')} {time(r.startAt)}</strong> : dateTime(r.startAt)}</td>
                      <th scope="row"><Link href={`/borger/${r.citizenId}?forloeb=${r.referralId}`}>{r.citizenName}</Link></th>
                      <td>{t(`class.${r.class}` as MessageKey)}</td>
                      <td><Link href={stepHref(r.citizenId, r.referralId, 'hold_clarifying_conversation')}>{t('front.conv.action')}<span className="sr-only"> – {r.citizenName}</span></Link></td>
                    </tr>))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="wl-mine">
            <h2 id="wl-mine">{t('front.mine.title')} ({w.myCitizens.length})</h2>
            {w.myCitizens.length === 0 ? <p>{t('front.mine.empty')}</p> : (
              <TableScroll label={t('front.mine.title')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.due')}</th><th scope="col">{t('front.mine.step')}</th></tr></thead>
                  <tbody>{w.myCitizens.map((r) => (
                    <tr key={r.referralId}>
                      <th scope="row"><Link href={`/borger/${r.citizenId}?forloeb=${r.referralId}`}>{r.citizenName}</Link></th>
                      <td>{t(`stage.${r.stage}` as MessageKey)}</td>
                      <td>{date(r.dueOn)}</td>
                      <td><Link href={stepHref(r.citizenId, r.referralId, r.nextStep)}>{t(`step.${r.nextStep}` as MessageKey)}<span className="sr-only"> – {r.citizenName}</span></Link></td>
                    </tr>))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="wl-teams">
            <h2 id="wl-teams">{t('front.teams.title')} ({w.teamSessions.length})</h2>
            {w.teamSessions.length === 0 ? <p>{t('front.teams.empty')}</p> : (
              <TableScroll label={t('front.teams.title')}>
                <table className="table table--compact">
                  <thead><tr><th scope="col">{t('col.when')}</th><th scope="col">{t('col.team')}</th><th scope="col">{t('col.session')}</th><th scope="col">{t('col.location')}</th><th scope="col">{t('col.participants')}</th><th scope="col">{t('col.action')}</th></tr></thead>
                  <tbody>{w.teamSessions.map((s) => (
                    <tr key={s.sessionId}>
                      <td>{s.today ? <strong>{t('front.conv.today')} {time(s.startAt)}</strong> : dateTime(s.startAt)}</td>
                      <th scope="row"><Link href={`/hold/${s.teamId}`}>{s.teamName}</Link></th>
                      <td>{s.number}{s.sessionCount ? ` / ${s.sessionCount}` : ''}</td>
                      <td>{s.location ?? '–'}</td>
                      <td>{s.participants}</td>
                      <td><Link href={`/hold/${s.teamId}/moedegang/${s.sessionId}`}>{t('front.teams.action')}<span className="sr-only"> – {s.teamName} {s.number}</span></Link></td>
                    </tr>))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}</Loaded>
    </>
  );
}
