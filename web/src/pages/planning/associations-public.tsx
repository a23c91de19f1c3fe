import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { PublicOffer } from '../../api-planning.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { Select, TextField } from '../../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { valueLabel } from '../../../../src/domain/social-position.ts';
import { activityKinds, pageWords } from './public-languages.ts';
import { citizenLanguages, directionOf, isCitizenLanguage, type CitizenLanguageCode } from '../../citizen-languages.ts';
type Result = { municipality: { code: string; name: string }; offers: PublicOffer[]; areas: string[]; languages: string[] };

/**
 * The public page (no login), like Brønderslev's platform: local association offers searchable by area,
 * activity, day and language. The search is in the address (no personal data), so a result can be shared.
 */
export function PublicAssociationsPage() {
  const { t: appT, lang: appLang } = useI18n();
  const { query } = useLocation();
  const wanted = query.get('lang');
  const lang: CitizenLanguageCode = isCitizenLanguage(wanted) ? wanted : appLang;
  const words = pageWords(lang);
  const t: typeof appT = (key, params = {}) => {
    const own = words?.[key];
    return own === undefined ? appT(key, params) : own.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  };
  usePageTitle(t('public.title'));
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = directionOf(lang);
    return () => { root.lang = appLang; root.dir = 'ltr'; };
  }, [lang, appLang]);
  const params = ['kommune', 'omraade', 'aktivitet', 'dag', 'sprog', 'tekst'] as const;
  const current = Object.fromEntries(params.map((p) => [p, query.get(p) ?? ''])) as Record<(typeof params)[number], string>;
  const [f, setF] = useState(current);
  const apiQuery = new URLSearchParams(Object.entries({ municipality: current.kommune, area: current.omraade, activity: current.aktivitet, day: current.dag, language: current.sprog, q: current.tekst })
    .filter(([, v]) => v)).toString();
  const state = useLoad(() => api.get<Result>(`/api/public/association-offers?${apiQuery}`), [apiQuery]);
  const search = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams([...Object.entries(f), ['lang', wanted ?? '']].filter(([, v]) => v)).toString();
    navigate(`/foreninger${next ? `?${next}` : ''}`);
  };
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const languageName = (code: string) => (lang === 'da' || lang === 'en' ? valueLabel('preferred_language', code, lang) : displayName(lang, code) ?? valueLabel('preferred_language', code, 'en')) ?? code;
  const withLanguage = (code: string) => {
    const next = new URLSearchParams(query);
    next.set('lang', code);
    return `/foreninger?${next.toString()}`;
  };
  return (
    <>
      <nav aria-label={t('public.pageLanguage')} className="page-languages">
        <ul className="nobullet-list">{citizenLanguages.map((l) => (
          <li key={l.code}>
            <Link href={withLanguage(l.code)} lang={l.code} hrefLang={l.code} aria-current={l.code === lang ? 'true' : undefined}>{l.name}</Link>
          </li>
        ))}</ul>
      </nav>
      <h1 tabIndex={-1}>{t('public.title')}</h1>
      <p className="lead">{t('public.intro')}</p>
      <Loaded state={state}>{(result) => (
        <>
          <form onSubmit={search} role="search" aria-label={t('public.search')} className="public-search">
            <div className="field-row">
              <Select id="omraade" label={t('public.area')} value={f.omraade} onChange={set('omraade')} errors={{}} optional placeholder={t('public.all')} options={result.areas.map((a) => ({ value: a, label: a }))} />
              <Select id="aktivitet" label={t('public.activity')} value={f.aktivitet} onChange={set('aktivitet')} errors={{}} optional placeholder={t('public.all')} options={activityKinds.map((a) => ({ value: a, label: t(`activity.${a}` as MessageKey) }))} />
              <Select id="dag" label={t('public.day')} value={f.dag} onChange={set('dag')} errors={{}} optional placeholder={t('public.all')} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}` as MessageKey) }))} />
              <Select id="sprog" label={t('public.language')} value={f.sprog} onChange={set('sprog')} errors={{}} optional placeholder={t('public.all')} options={result.languages.map((l) => ({ value: l, label: languageName(l) }))} />
              <TextField id="tekst" label={t('public.text')} value={f.tekst} onChange={set('tekst')} errors={{}} optional />
            </div>
            <button type="submit" className="button button-primary">{t('public.search')}</button>
          </form>
          <p role="status">{t('public.count', { count: result.offers.length })}</p>
          <ul className="nobullet-list association-offers">{result.offers.map((o) => (
            <li key={o.id} className="association-offer">
              <h2 className="h3">{o.activity}</h2>
              <p className="meta">{o.associationName} · {t(`activity.${o.activityKind}` as MessageKey)}</p>
              {o.description && <p>{o.description}</p>}
              <dl className="facts">
                <div><dt>{t('public.when')}</dt><dd>{o.weekdays.map((d) => t(`weekday.${d}` as MessageKey)).join(', ') || '–'}{o.startTime ? ` ${o.startTime.replace(':', '.')}` : ''}{o.scheduleNote ? ` (${o.scheduleNote})` : ''}</dd></div>
                <div><dt>{t('public.where')}</dt><dd>{o.placeName}{o.address ? `, ${o.address}` : ''}{o.area ? ` (${o.area})` : ''}</dd></div>
                <div><dt>{t('public.language')}</dt><dd>{o.languages.map(languageName).join(', ')}</dd></div>
                {o.publicContact && <div><dt>{t('public.contact')}</dt><dd>{o.publicContact}</dd></div>}
              </dl>
              <ul className="offer-features">
                <li>{t(`inclusive.${o.inclusiveness}` as MessageKey)}{o.inclusivenessNote ? `: ${o.inclusivenessNote}` : ''}</li>
                {o.introCourse && <li>{t('public.intro_course')}{o.introNote ? `: ${o.introNote}` : ''}</li>}
                {o.companionAvailable && <li>{t('public.companion')}</li>}
              </ul>
              {(o.links.length > 0 || o.associationWebsite) && (
                <ul className="nobullet-list">
                  {o.links.map((l) => <li key={l.url}><a href={l.url} rel="noopener noreferrer">{l.label}<span className="sr-only"> – {o.activity}</span></a></li>)}
                  {o.associationWebsite && <li><a href={o.associationWebsite} rel="noopener noreferrer">{o.associationName}</a></li>}
                </ul>
              )}
            </li>
          ))}</ul>
        </>
      )}</Loaded>
      <p><Link href="/">{t('public.staffLogin')}</Link></p>
    </>
  );
}

/** A language's name in the page's language (the browser knows them), else undefined. */
function displayName(pageLang: string, code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([pageLang], { type: 'language', fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}
