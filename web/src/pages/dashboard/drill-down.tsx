import { useEffect, useRef } from 'react';
import { api } from '../../api.ts';
import { useI18n, type Lang } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { Alert, Loading, TableScroll } from '../../ui/form.tsx';
import { useLoad } from '../../ui/load.tsx';
import { useDashboardText } from './messages.ts';
import type { Cascade } from './types.ts';
import { apiQuery, viewQuery, type View } from './view.ts';

/** GET /api/equity/drill-down as the panel reads it (the server's zod schema is the contract). */
interface DrillDown {
  group: { value: string; label: string }; step: { key: string; label: string };
  view: 'named' | 'pseudonymised'; count: number;
  rows: {
    pseudonym: string; ageBand: { label: string }; sex: { label: string };
    steps: { step: string; label: string; month: string | null }[];
    dropoutReason: { label: string } | null; daysToContact: number | null; daysToStart: number | null;
    person: { citizenId: string; referralId: string; name: string } | null;
  }[];
}

/** The address of the dashboard with one cascade cell's list open (a shareable link). */
export const drillHref = (view: View, step: string, group: string): string => `?${viewQuery({ ...view, list: { step, group } })}`;

const monthText = (lang: Lang, month: string) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/**
 * The referrals behind one cascade cell (issue 6 §6): with names and links to the citizen page for
 * roles with access to the records, otherwise pseudonyms with bands and months only. A cell hidden
 * by small-cell suppression is refused by the server, and its Danish or English reason is shown.
 */
export function DrillDownPanel({ view, cascade }: { view: View & { list: NonNullable<View['list']> }; cascade: Cascade }) {
  const t = useDashboardText();
  const { lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = apiQuery(view, { dimension: view.dimension, group: view.list.group, step: view.list.step });
  const state = useLoad(() => api.get<DrillDown>(`/api/equity/drill-down?${query}`), [query, lang]);
  // Opening a list moves the focus to it, so keyboard and screen-reader users land where it appeared.
  useEffect(() => { if (state.data || state.error) heading.current?.focus(); }, [state.data, state.error]);
  const d = state.data;
  const group = cascade.groups.find((g) => g.value === view.list.group)?.label ?? view.list.group;
  const step = cascade.steps.find((s) => s.key === view.list.step)?.label ?? view.list.step;
  const title = t('drill.title', { group, step });
  const close = <p><Link href={`?${viewQuery({ ...view, list: null })}`}>{t('drill.close')}</Link></p>;
  return (
    <section className="dashboard-figure dashboard-drill" aria-labelledby="dash-drill">
      <h3 id="dash-drill" ref={heading} tabIndex={-1}>{title}</h3>
      {state.error && <Alert variant="error">{state.error.message}</Alert>}
      {!state.error && !d && <Loading />}
      {d && <>
        <p>{t('drill.count', { count: d.count, step: d.step.label })} {d.rows.length < d.count && t('drill.truncated', { shown: d.rows.length })}</p>
        <Alert variant="info">{t(d.view === 'named' ? 'drill.named' : 'drill.pseudonymised')}</Alert>
        {d.rows.length === 0 ? <p>{t('drill.empty')}</p> : (
          <TableScroll label={t('drill.table', { group: d.group.label, step: d.step.label })}>
            <table className="table table--compact dashboard-table">
              <caption>{t('drill.table', { group: d.group.label, step: d.step.label })}</caption>
              <thead><tr>
                <th scope="col">{t('drill.pseudonym')}</th>
                {d.view === 'named' && <th scope="col">{t('drill.name')}</th>}
                <th scope="col">{t('drill.age')}</th><th scope="col">{t('drill.sex')}</th><th scope="col">{t('drill.steps')}</th>
                <th scope="col">{t('drill.reason')}</th><th scope="col" className="text-right">{t('drill.toContact')}</th><th scope="col" className="text-right">{t('drill.toStart')}</th>
              </tr></thead>
              <tbody>{d.rows.map((r) => (
                <tr key={r.person?.referralId ?? r.pseudonym}>
                  <th scope="row">{r.pseudonym}</th>
                  {d.view === 'named' && <td>{r.person && <Link href={`/borger/${encodeURIComponent(r.person.citizenId)}`}>{r.person.name}</Link>}</td>}
                  <td>{r.ageBand.label}</td><td>{r.sex.label}</td>
                  <td>{r.steps.map((s) => (s.month ? `${s.label} ${monthText(lang, s.month)}` : s.label)).join('; ')}</td>
                  <td>{r.dropoutReason?.label ?? '–'}</td>
                  <td className="text-right">{r.daysToContact ?? '–'}</td><td className="text-right">{r.daysToStart ?? '–'}</td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
        )}
      </>}
      {close}
    </section>
  );
}
