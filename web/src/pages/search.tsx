import { useState } from 'react';
import { api, type Citizen } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorSummary, ProblemAlert, TextField, useSubmit, type Errors } from '../ui/form.tsx';
import { usePageTitle } from '../ui/load.tsx';

const CPR = /^\s*\d{6}-?\d{4}\s*$/;

/** Search by name or CPR number. The query goes in a POST body, never in the URL; the server logs each hit. */
export function SearchPage() {
  const { t, date } = useI18n();
  usePageTitle(t('search.title'));
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Citizen[] | null>(null);
  const submit = useSubmit((path) => (path === 'cpr' || path === 'name' ? 'query' : path));
  const search = (e: React.FormEvent) => submit.run(e, (): Errors => {
    const q = query.trim();
    if (q.length < 2) return { query: t('rule.required', { label: t('search.label') }) };
    if (/^\d/.test(q) && !CPR.test(q)) return { query: t('rule.cpr') };
    return {};
  }, async () => {
    const q = query.trim();
    const res = await api.post<{ citizens: Citizen[] }>('/api/citizens/search', CPR.test(q) ? { cpr: q } : { name: q });
    setResults(res.citizens);
  });
  return (
    <>
      <h1 tabIndex={-1}>{t('search.title')}</h1>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void search(e)} noValidate className="search-form">
        <TextField id="query" label={t('search.label')} hint={t('search.hint')} value={query} onChange={setQuery} errors={submit.errors} autoComplete="off" />
        <button type="submit" className="button button-primary" disabled={submit.busy}>{t('search.submit')}</button>
      </form>
      {results && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('search.results')}</h2>
          <p role="status">{results.length === 0 ? t('search.none') : t('search.count', { count: results.length })}</p>
          {results.length > 0 && (
            <table className="table table--compact">
              <thead><tr><th scope="col">{t('col.citizen')}</th><th scope="col">{t('col.cpr')}</th><th scope="col">{t('col.birthDate')}</th></tr></thead>
              <tbody>{results.map((c) => (
                <tr key={c.id}><th scope="row"><Link href={`/borger/${c.id}`}>{c.givenName} {c.familyName}</Link></th><td>{c.cpr}</td><td>{date(c.birthDate)}</td></tr>
              ))}</tbody>
            </table>
          )}
        </section>
      )}
      <p><Link href="/ny-henvisning" className="button button-secondary">{t('search.newReferral')}</Link></p>
    </>
  );
}
