import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { pageNumbers } from '../../../src/worklists/paging.ts';

export interface Paging { page: number; pageSize: number; total: number; pages: number }

/**
 * DKFDS pagination (links, in a nav named after the list it pages): previous, the page numbers with
 * gaps, next. Nothing when the whole list fits on one page.
 */
export function Pagination({ list, paging, hrefOf }: { list: string; paging: Paging; hrefOf(page: number): string }) {
  const { t } = useI18n();
  const { page, pages } = paging;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('paging.label', { list })}>
      {page > 1 && (
        <Link className="button button-arrow button-previous" href={hrefOf(page - 1)} rel="prev">
          <span className="pagination-nav-link">{t('paging.previous')}</span>
        </Link>
      )}
      <span className="pagination-mobile">{t('paging.pageOf', { page, pages })}</span>
      <ul className="pagination__items">
        {pageNumbers(page, pages).map((n, i) => (n === 'gap'
          ? <li key={`gap-${i}`} className="pagination-item pagination-overflow"><span className="sr-only">{t('paging.gap')}</span><span aria-hidden="true">…</span></li>
          : (
            <li key={n} className="pagination-item pagination-number">
              <Link className={`button ${n === page ? 'current-page' : 'button-secondary'}`} href={hrefOf(n)} aria-current={n === page ? 'page' : undefined}>
                <span className="sr-only">{t('paging.page')} </span>{n}
              </Link>
            </li>
          )))}
      </ul>
      {page < pages && (
        <Link className="button button-arrow button-next" href={hrefOf(page + 1)} rel="next">
          <span className="pagination-nav-link">{t('paging.next')}</span>
        </Link>
      )}
    </nav>
  );
}

/** "Showing 21–40 of 53." under a paged table. */
export function PageSummary({ paging, shown }: { paging: Paging; shown: number }) {
  const { t } = useI18n();
  if (paging.pages <= 1) return null;
  const from = (paging.page - 1) * paging.pageSize + 1;
  return <p className="meta">{t('paging.showing', { from, to: from + shown - 1, total: paging.total })}</p>;
}
