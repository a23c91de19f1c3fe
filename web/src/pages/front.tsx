import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, type Me } from '../api.ts';
import { useCodes } from '../codes.tsx';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link, useLocation } from '../router.tsx';
import { TableScroll } from '../ui/form.tsx';
import { Loaded, usePageTitle } from '../ui/load.tsx';
import { PageSummary, Pagination, type Paging } from '../ui/pagination.tsx';

interface Person { referralId: string; citizenId: string; citizenName: string }
interface Worklists {
  today: string; contactLimitDays: number;
  newReferrals: (Person & { receivedAt: string; sourceCode: string; daysSinceReceived: number; overdue: boolean })[];
  contactsDue: (Person & { lastAttemptAt: string; lastChannel: string; lastOutcome: string; phoneTries: number; nextAction: 'phone' | 'letter' | 'close'; dueOn: string })[];
  conversations: (Person & { startAt: string; class: string; today: boolean })[];
  myCitizens: (Person & { stage: string; nextStep: string; dueOn: string })[];
  teamSessions: { sessionId: string; teamId: string; teamName: string; number: number; sessionCount: number | null; startAt: string; location: string | null; participants: number; today: boolean }[];
  paging: Record<ListName, Paging>;
}
type ListName = 'newReferrals' | 'contactsDue' | 'conversations' | 'myCitizens' | 'teamSessions';

/** Each list's page lives in the address (?mine=2), so a page can be bookmarked and the back button works. */
const lists: { name: ListName; param: string; api: string; heading: string }[] = [
  { name: 'newReferrals', param: 'nye', api: 'newPage', heading: 'wl-new' },
  { name: 'contactsDue', param: 'kontakt', api: 'contactPage', heading: 'wl-contact' },
  { name: 'conversations', param: 'samtaler', api: 'conversationPage', heading: 'wl-conv' },
  { name: 'myCitizens', param: 'mine', api: 'minePage', heading: 'wl-mine' },
  { name: 'teamSessions', param: 'hold', api: 'teamPage', heading: 'wl-teams' },
];
const pageParam = (query: URLSearchParams, param: string) => Math.max(1, Math.floor(Number(query.get(param))) || 1);

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
  const { query } = useLocation();
  const pages = lists.map((l) => pageParam(query, l.param));
  const url = `/api/worklists?contactLimitDays=${limit}${lists.map((l, i) => (pages[i]! > 1 ? `&${l.api}=${pages[i]}` : '')).join('')}`;
  const state = useWorklists(url, me.userId);
  // After moving to another page of a list, focus goes to that list's heading (the rest of the page stays put).
  const shownPages = useRef(pages.join());
  useEffect(() => {
    if (!state.data) return;
    const before = shownPages.current.split(',');
    shownPages.current = pages.join();
    const moved = lists.find((_, i) => before[i] !== String(pages[i]));
    if (moved) document.getElementById(moved.heading)?.focus();
  }, [state.data]);
  const hrefOf = (param: string) => (page: number) => {
    const next = new URLSearchParams(query);
    if (page > 1) next.set(param, String(page)); else next.delete(param);
    const search = next.toString();
    return search ? `/?${search}` : '/';
  };

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
            <h2 id="wl-new" tabIndex={-1}>{t('front.new.title')} ({w.paging.newReferrals.total})</h2>
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
            <ListPages list={t('front.new.title')} paging={w.paging.newReferrals} shown={w.newReferrals.length} hrefOf={hrefOf('nye')} />
          </section>

          <section aria-labelledby="wl-contact">
            <h2 id="wl-contact" tabIndex={-1}>{t('front.contact.title')} ({w.paging.contactsDue.total})</h2>
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
            <ListPages list={t('front.contact.title')} paging={w.paging.contactsDue} shown={w.contactsDue.length} hrefOf={hrefOf('kontakt')} />
          </section>

          <section aria-labelledby="wl-conv">
            <h2 id="wl-conv" tabIndex={-1}>{t('front.conv.title')} ({w.paging.conversations.total})</h2>
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
            <ListPages list={t('front.conv.title')} paging={w.paging.conversations} shown={w.conversations.length} hrefOf={hrefOf('samtaler')} />
          </section>

          <section aria-labelledby="wl-mine">
            <h2 id="wl-mine" tabIndex={-1}>{t('front.mine.title')} ({w.paging.myCitizens.total})</h2>
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
            <ListPages list={t('front.mine.title')} paging={w.paging.myCitizens} shown={w.myCitizens.length} hrefOf={hrefOf('mine')} />
          </section>

          <section aria-labelledby="wl-teams">
            <h2 id="wl-teams" tabIndex={-1}>{t('front.teams.title')} ({w.paging.teamSessions.total})</h2>
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
            <ListPages list={t('front.teams.title')} paging={w.paging.teamSessions} shown={w.teamSessions.length} hrefOf={hrefOf('hold')} />
          </section>
        </>
      )}</Loaded>
    </>
  );
}

function ListPages({ list, paging, shown, hrefOf }: { list: string; paging: Paging; shown: number; hrefOf(page: number): string }): ReactNode {
  return <><PageSummary paging={paging} shown={shown} /><Pagination list={list} paging={paging} hrefOf={hrefOf} /></>;
}

/** The worklists at one address; the page shown so far stays while another page of a list loads. */
function useWorklists(url: string, userId: string): { data: Worklists | null; error: ApiError | null } {
  const [state, setState] = useState<{ data: Worklists | null; error: ApiError | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    api.get<Worklists>(url).then((data) => { if (current) setState({ data, error: null }); }, (error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      if (current) setState((s) => ({ ...s, error }));
    });
    return () => { current = false; };
  }, [url, userId]);
  return state;
}
