import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Alert, Loading } from './form.tsx';

/** Loads data for a page; `reload` fetches it again (e.g. after a 412). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: ApiError | null; reload(): Promise<T | null> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    try {
      const value = await load();
      setData(value);
      setError(null);
      return value;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      return null;
    }
  }, deps);
  useEffect(() => { setData(null); void reload(); }, [reload]);
  return { data, error, reload };
}

export function LoadFailed({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const text = error.status === 404 ? t('error.notFound') : error.status === 403 ? t('error.forbidden') : error.status === 0 ? t('error.network') : error.message;
  return <Alert variant="error">{text}</Alert>;
}

/** Shows the page once its data is there, or why it is not. */
export function Loaded<T>({ state, children }: { state: { data: T | null; error: ApiError | null }; children: (data: T) => React.ReactNode }) {
  if (state.error) return <LoadFailed error={state.error} />;
  if (state.data === null) return <Loading />;
  return <>{children(state.data)}</>;
}

/** Sets the page title and moves focus to the main heading when a page opens (screen readers hear the new page). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Ligevej`;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [title]);
}
