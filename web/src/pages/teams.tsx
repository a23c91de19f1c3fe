import { api, type Session, type Team } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link } from '../router.tsx';
import { TableScroll } from '../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../ui/load.tsx';
import { TeamPlanning } from './planning/team-planning.tsx';

export function TeamsPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('teams.title'));
  const state = useLoad(() => api.get<{ teams: Team[] }>('/api/teams'), []);
  return (
    <>
      <h1 tabIndex={-1}>{t('teams.title')}</h1>
      <p><Link href="/hold/nyt" className="button button-secondary">{t('newTeam.title')}</Link></p>
      <Loaded state={state}>{({ teams }) => teams.length === 0 ? <p>{t('teams.empty')}</p> : (
        <TableScroll label={t('teams.title')}>
          <table className="table table--compact">
            <thead><tr><th scope="col">{t('col.team')}</th><th scope="col">{t('col.weekday')}</th><th scope="col">{t('col.location')}</th><th scope="col">{t('col.participants')}</th><th scope="col">{t('col.next')}</th></tr></thead>
            <tbody>{teams.map((team) => (
              <tr key={team.id}>
                <th scope="row"><Link href={`/hold/${team.id}`}>{team.name}</Link></th>
                <td>{team.weekday ? t(`weekday.${team.weekday}` as MessageKey) : '–'}{team.startTime ? ` ${team.startTime.replace(':', '.')}` : ''}</td>
                <td>{team.location ?? '–'}</td>
                <td>{team.participants}</td>
                <td>{team.nextSession ? <Link href={`/hold/${team.id}/moedegang/${team.nextSession.id}`}>{team.nextSession.number}: {dateTime(team.nextSession.startAt)}</Link> : t('teams.none')}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableScroll>
      )}</Loaded>
    </>
  );
}

export function TeamPage({ teamId }: { teamId: string }) {
  const { t, date, time } = useI18n();
  const state = useLoad(() => api.get<{ team: Team; sessions: Session[] }>(`/api/teams/${teamId}`), [teamId]);
  usePageTitle(state.data?.team.name ?? t('teams.title'));
  return (
    <>
      <p><Link href="/hold" className="back-link">{t('teams.title')}</Link></p>
      <Loaded state={state}>{({ team, sessions }) => (
        <>
          <h1 tabIndex={-1}>{team.name}</h1>
          <dl className="facts">
            <div><dt>{t('col.weekday')}</dt><dd>{team.weekday ? t(`weekday.${team.weekday}` as MessageKey) : '–'} {team.startTime?.replace(':', '.') ?? ''}</dd></div>
            <div><dt>{t('col.location')}</dt><dd>{team.location ?? '–'}</dd></div>
            <div><dt>{t('col.participants')}</dt><dd>{team.participants}</dd></div>
          </dl>
          <h2>{t('team.sessions')}</h2>
          <TableScroll label={t('team.sessions')}>
            <table className="table table--compact">
              <thead><tr><th scope="col">{t('col.session')}</th><th scope="col">{t('col.date')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.attendance')}</th><th scope="col">{t('col.action')}</th></tr></thead>
              <tbody>{sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.number}</th>
                  <td>{date(s.startAt)} {time(s.startAt)}–{time(s.endAt)}</td>
                  <td>{t(`session.${s.status}` as MessageKey)}</td>
                  <td>{t('team.counts', { present: s.present, absent: s.absent, excused: s.excused })}</td>
                  <td><Link href={`/hold/${team.id}/moedegang/${s.id}`}>{t('team.rollCall')}<span className="sr-only"> – {t('col.session')} {s.number}</span></Link></td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
          <TeamPlanning teamId={team.id} sessions={sessions} onChanged={() => void state.reload()} />
        </>
      )}</Loaded>
    </>
  );
}
