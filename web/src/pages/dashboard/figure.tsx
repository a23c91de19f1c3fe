import { useId, useRef, type ReactNode } from 'react';
import { Link } from '../../router.tsx';
import { TableScroll } from '../../ui/form.tsx';
import { download, fileName, svgText, svgToPng, toCsv, toXlsx, type TableData } from './export.ts';
import { useDashboardText } from './messages.ts';

/** A chart with its plain-language sentence, its table (what a screen reader reads) and the four exports. */
export function Figure({ title, chart, sentence, table }: { title: string; chart: ReactNode; sentence: string; table: TableData }) {
  const t = useDashboardText();
  const id = useId();
  const holder = useRef<HTMLDivElement>(null);
  const svg = () => holder.current!.querySelector('svg')!;
  return (
    <section className="dashboard-figure" aria-labelledby={`${id}h`}>
      <h3 id={`${id}h`}>{title}</h3>
      <div ref={holder}>{chart}</div>
      <p className="dashboard-sentence">{sentence}</p>
      <div className="button-list dashboard-exports">
        <button type="button" className="button button-secondary" onClick={() => download(fileName(title, 'svg'), svgText(svg()), 'image/svg+xml')}>{t('download.svg')}<span className="sr-only"> – {title}</span></button>
        <button type="button" className="button button-secondary" onClick={() => void svgToPng(svg()).then((png) => download(fileName(title, 'png'), png, 'image/png'))}>{t('download.png')}<span className="sr-only"> – {title}</span></button>
      </div>
      <DataTable table={table} />
    </section>
  );
}

export function DataTable({ table }: { table: TableData }) {
  const t = useDashboardText();
  return (
    <>
      <TableScroll label={t('table', { title: table.title })}>
        <table className="table table--compact dashboard-table">
          <caption>{t('table', { title: table.title })}</caption>
          <thead><tr>{table.columns.map((c, i) => <th key={i} scope="col" className={i ? 'text-right' : undefined}>{c}</th>)}</tr></thead>
          <tbody>{table.rows.map((r, ri) => (
            <tr key={ri}>
              <th scope="row">{r.head}</th>
              {r.cells.map((c, ci) => {
                const content = c.note ? <abbr title={c.note}>{c.text}<span className="sr-only"> ({c.note})</span></abbr> : c.text;
                return <td key={ci} className="text-right">{c.href ? <Link href={c.href} aria-label={c.hrefLabel ? `${c.text} – ${c.hrefLabel}` : undefined}>{content}</Link> : content}</td>;
              })}
            </tr>
          ))}</tbody>
        </table>
      </TableScroll>
      {table.notes?.map((n) => <p key={n} className="meta">{n}</p>)}
      <div className="button-list dashboard-exports">
        <button type="button" className="button button-tertiary" onClick={() => download(fileName(table.title, 'csv'), toCsv(table), 'text/csv;charset=utf-8')}>{t('download.csv')}<span className="sr-only"> – {table.title}</span></button>
        <button type="button" className="button button-tertiary" onClick={() => download(fileName(table.title, 'xlsx'), toXlsx(table) as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>{t('download.xlsx')}<span className="sr-only"> – {table.title}</span></button>
      </div>
    </>
  );
}
