import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { TableScroll } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { conversationHref } from './conversation-page.tsx';

interface Unanswered {
  citizens: { taskId: string | null; linkId: string | null; referralId: string; citizenId: string; citizenName: string; timePoint: string; dueOn: string | null; daysOverdue: number | null; linkState: string; started: boolean }[];
}

/** Who has not answered: due end and follow-up questionnaires and unused personal links. */
export function UnansweredPage() {
  const { t, date } = useI18n();
  usePageTitle(t('un.title'));
  const state = useLoad(() => api.get<Unanswered>('/api/questionnaire-tasks/unanswered'), []);
  return (
    <>
      <h1 tabIndex={-1}>{t('un.title')}</h1>
      <p className="lead">{t('un.lead')}</p>
      <Loaded state={state}>{(u) => (u.citizens.length === 0 ? <p>{t('un.none')}</p> : (
        <TableScroll label={t('un.title')}>
          <table className="table table--compact">
            <thead><tr>
              <th scope="col">{t('kl.citizen')}</th><th scope="col">{t('un.timePoint')}</th><th scope="col">{t('un.due')}</th>
              <th scope="col">{t('un.overdue')}</th><th scope="col">{t('un.link')}</th><th scope="col">{t('un.started')}</th>
            </tr></thead>
            <tbody>{u.citizens.map((c) => (
              <tr key={`${c.referralId}-${c.taskId ?? c.linkId}`}>
                <th scope="row"><Link href={conversationHref(c.citizenId, c.referralId)}>{c.citizenName}</Link></th>
                <td>{t(`timePoint.${c.timePoint}` as MessageKey)}</td><td>{c.dueOn ? date(c.dueOn) : '–'}</td><td>{c.daysOverdue ?? '–'}</td>
                <td>{t(`link.${c.linkState}` as MessageKey)}</td><td>{c.started ? t('un.yes') : t('un.no')}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableScroll>
      ))}</Loaded>
    </>
  );
}
