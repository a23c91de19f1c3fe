import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, Refused, takeToken, type Credentials } from './public-api.ts';
import { flatAnswers, isEnabled, missingOn, pagesOf, questionsOf, type AnswerValue, type Answers, type Item, type Questionnaire } from './questionnaire.ts';
import { applyLanguage, initialLanguage, languages, sayer, speechLang, type Say, type StringKey } from './strings.ts';
import { fieldId, Question } from './question.tsx';
import { BirthDateForm } from './birth-date.tsx';

interface View { language: string; questionnaire: Questionnaire; answers: { linkId: string; answer: AnswerValue[] }[]; responseVersion: number; contactPhone: string | null }

/** Refusals the page words itself, in the citizen's language; anything else shows the server's (Danish/English) message. */
const refusalTexts: Partial<Record<string, StringKey>> = {
  link_unknown: 'linkUnknown', link_expired: 'linkExpired', link_used: 'linkUsed', link_revoked: 'linkRevoked',
  link_locked: 'linkLocked', birth_date_wrong: 'birthDateWrong', version_conflict: 'savedElsewhere',
};
const refusedMessage = (r: Refused, s: Say): string => {
  if (r.refusal.code === 'network') return s('network');
  const key = refusalTexts[r.refusal.code];
  return key ? s(key, { remaining: r.refusal.remaining ?? '' }) : r.refusal.message || s('problemTitle');
};

type Phase = { kind: 'loading' } | { kind: 'birthDate'; message: string | null } | { kind: 'form' } | { kind: 'done' } | { kind: 'refused'; message: string; phone?: string | undefined };

/** A page's questions and texts in order, nested groups flattened. */
const questionsOrText = (page: Item): Item[] => (page.item ?? []).flatMap((i) => (i.type === 'group' ? questionsOrText(i) : [i]));
const toAnswers = (flat: View['answers']): Answers => Object.fromEntries(flat.map((a) => [a.linkId, a.answer]));

/** The citizen's questionnaire: open the link, (birth date), one group per page saved as they go, submit once. */
export function SvarApp() {
  const [lang, setLang] = useState(initialLanguage);
  const say = useMemo(() => sayer(lang), [lang]);
  const [creds, setCreds] = useState<Credentials | null>(() => { const token = takeToken(); return token ? { token } : null; });
  const [phase, setPhase] = useState<Phase>(() => (creds ? { kind: 'loading' } : { kind: 'refused', message: sayer(lang)('noToken') }));
  const [view, setView] = useState<View | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [page, setPage] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'saving' | 'saved' | 'saveFailed' | null>(null);
  const version = useRef(0);
  const chosenLang = useRef(localStorage.getItem('ligevej.svar.lang'));

  useEffect(() => applyLanguage(lang), [lang]);


  const open = useCallback(async (c: Credentials, wanted: string | null, keepAnswers: boolean) => {
    try {
      const v = await call<View>(c, wanted ?? lang, 'GET', `/api/public/questionnaire${wanted ? `?lang=${wanted}` : ''}`);
      version.current = v.responseVersion;
      setView(v);
      setLang(v.language);
      if (!keepAnswers) {
        const saved = toAnswers(v.answers);
        setAnswers(saved);
        const pages = pagesOf(v.questionnaire);
        const firstOpen = pages.findIndex((p) => missingOn(p, saved).length > 0);
        setPage(v.responseVersion > 0 && firstOpen > 0 ? firstOpen : 0); // a new response (pre-filled or not) starts at the first page
      }
      setPhase({ kind: 'form' });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      const code = err.refusal.code;
      if (code === 'birth_date_required' || code === 'birth_date_wrong') setPhase({ kind: 'birthDate', message: code === 'birth_date_wrong' ? refusedMessage(err, say) : null });
      else setPhase({ kind: 'refused', message: refusedMessage(err, say), phone: err.refusal.phone });
    }
  }, [lang, say]);

  useEffect(() => { if (creds) void open(creds, chosenLang.current, false); }, [creds]);

  const pages = view ? pagesOf(view.questionnaire) : [];
  const current = pages[page];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); window.scrollTo(0, 0); }, [page, phase.kind]);

  const changeLanguage = (next: string) => {
    localStorage.setItem('ligevej.svar.lang', next);
    chosenLang.current = next;
    setLang(next);
    if (creds && view) void open(creds, next, true);
  };

  const setAnswer = (linkId: string, value: AnswerValue[] | 'invalid') => {
    setInvalid((s) => { const n = new Set(s); if (value === 'invalid') n.add(linkId); else n.delete(linkId); return n; });
    setAnswers((a) => ({ ...a, [linkId]: value === 'invalid' ? [] : value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== linkId)));
  };

  const checkPage = (): boolean => {
    if (!current) return true;
    const found: Record<string, string> = {};
    for (const q of questionsOf([current])) if (invalid.has(q.linkId)) found[q.linkId] = say('wholeNumber');
    for (const q of missingOn(current, answers)) found[q.linkId] ??= say('required');
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const save = async (): Promise<boolean> => {
    if (!creds || !view) return false;
    setStatus('saving');
    try {
      const saved = await call<{ version: number }>(creds, lang, 'PUT', '/api/public/questionnaire/answers',
        { version: version.current, language: lang, answers: flatAnswers(view.questionnaire, answers) });
      version.current = saved.version;
      setStatus('saved');
      return true;
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      if (err.refusal.status === 412) { await open(creds, lang, true); return save(); }
      if (err.refusal.status === 410 || err.refusal.status === 404) setPhase({ kind: 'refused', message: refusedMessage(err, say), phone: err.refusal.phone });
      setStatus('saveFailed');
      return false;
    }
  };

  const next = async () => {
    if (!checkPage() || !(await save())) return;
    setPage((p) => p + 1);
  };

  const submit = async () => {
    if (!creds || !view || !checkPage()) return;
    setStatus('saving');
    try {
      await call(creds, lang, 'POST', '/api/public/questionnaire/submit', { language: lang, answers: flatAnswers(view.questionnaire, answers) });
      sessionStorage.removeItem('ligevej.svar.token');
      setStatus(null);
      setPhase({ kind: 'done' });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      setStatus('saveFailed');
      if (err.refusal.status !== 400) return setPhase({ kind: 'refused', message: refusedMessage(err, say), phone: err.refusal.phone });
      const missing = Object.fromEntries(err.refusal.fields.map((f) => [f.path.replace(/^answers\./, ''), say('required')]));
      const at = pages.findIndex((p) => questionsOf([p]).some((q) => q.linkId in missing));
      if (at >= 0) setPage(at);
      setErrors(missing);
      setStatus(null);
    }
  };

  let body;
  if (phase.kind === 'loading') body = <p role="status">{say('loading')}</p>;
  else if (phase.kind === 'refused') {
    const phone = phase.phone ?? view?.contactPhone;
    body = (
      <div className="alert alert-warning" role="alert">
        <div className="alert-body">
          <h1 className="alert-heading h2" tabIndex={-1} ref={heading}>{say('problemTitle')}</h1>
          <p className="alert-text">{phase.message}</p>
          {phone && <p className="alert-text"><a href={`tel:${phone.replace(/\s/g, '')}`}>{say('call', { phone })}</a></p>}
        </div>
      </div>
    );
  } else if (phase.kind === 'birthDate') {
    body = <BirthDateForm say={say} message={phase.message} onSubmit={(birthDate) => setCreds({ ...creds!, birthDate })} />;
  } else if (phase.kind === 'done') {
    body = (
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <h1 className="alert-heading h2" tabIndex={-1} ref={heading}>{say('doneTitle')}</h1>
          <p className="alert-text">{say('doneText')}</p>
        </div>
      </div>
    );
  } else if (current) {
    const last = page === pages.length - 1;
    body = (
      <>
        <h1>{say('title')}</h1>
        {page === 0 && <p className="lead">{say('intro')}</p>}
        {current.text && <p className="step-indicator">{say('step', { n: page + 1, total: pages.length })}</p>}
        <ErrorSummary errors={errors} say={say} labels={Object.fromEntries(questionsOf([current]).map((q) => [q.linkId, q.text ?? q.linkId]))} />
        <form onSubmit={(e) => { e.preventDefault(); void (last ? submit() : next()); }} noValidate>
          {/* A question outside any group has a page without a group heading: the step is its heading. */}
          <h2 tabIndex={-1} ref={heading} className={current.text ? undefined : 'step-indicator'}>{current.text ?? say('step', { n: page + 1, total: pages.length })}</h2>
          {questionsOrText(current).filter((item) => isEnabled(item, answers)).map((item) => (
            <Question key={`${lang}-${item.linkId}`} item={item} value={answers[item.linkId] ?? []} error={errors[item.linkId]} say={say} speech={speechLang(lang)} onChange={setAnswer} />
          ))}
          <div className="button-row svar-buttons">
            <button type="submit" className="button button-primary" disabled={status === 'saving'}>{last ? say('submit') : say('next')}</button>
            {page > 0 && <button type="button" className="button button-secondary" onClick={() => setPage(page - 1)}>{say('back')}</button>}
          </div>
          <p className="save-status" role="status">{status ? say(status) : ''}</p>
        </form>
      </>
    );
  }

  return (
    <>
      <header className="header svar-header">
        <div className="portal-info">
          <div className="portal-info-inner container svar-bar">
            <span className="app-logo">Ligevej</span>
            <div className="form-group svar-language">
              <label className="form-label" htmlFor="language">{say('language')}</label>
              <select id="language" className="form-select" value={lang} onChange={(e) => changeLanguage(e.target.value)}>
                {languages.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
              </select>
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="container svar-main">{body}</main>
    </>
  );
}

function ErrorSummary({ errors, say, labels }: { errors: Record<string, string>; say: Say; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (entries.length) ref.current?.focus(); }, [errors]);
  if (!entries.length) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <h2 className="alert-heading">{say('missingTitle')}</h2>
        <ul className="alert-text nobullet-list">
          {entries.map(([linkId, message]) => (
            <li key={linkId}><a href={`#${fieldId(linkId)}`} onClick={(e) => { e.preventDefault(); document.getElementById(fieldId(linkId))?.focus(); }}>{labels[linkId] ?? linkId}: {message}</a></li>
          ))}
        </ul>
      </div>
    </div>
  );
}
