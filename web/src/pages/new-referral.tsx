import { useEffect, useMemo, useState } from 'react';
import { api, type Citizen, type Referral } from '../api.ts';
import { useCodes } from '../codes.tsx';
import { localNow, toInstant, useI18n } from '../i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import { ErrorSummary, ProblemAlert, Select, TextArea, TextField, useSubmit, type Errors } from '../ui/form.tsx';
import { useLoad, usePageTitle } from '../ui/load.tsx';
import { OrganizationPicker, type Organization } from './organizations/organization-picker.tsx';

interface Diagnosis { system: 'SKS' | 'ICPC2'; code: string; display?: string }
const SKS = /^D[A-Z][0-9]{2}[0-9A-Z]{0,4}$/;
const ICPC2 = /^[A-Z][0-9]{2}(\.[0-9]{1,2})?$/;
const CPR = /^\d{6}-?\d{4}$/;

/** Register a referral; for a citizen not yet known, the CPR number and name register them first. */
export function NewReferralPage() {
  const { t } = useI18n();
  const codes = useCodes();
  const { query } = useLocation();
  usePageTitle(t('referral.title'));
  const citizenId = query.get('borger');
  const chosen = useLoad(() => (citizenId ? api.get<Citizen>(`/api/citizens/${citizenId}`) : Promise.resolve(null)), [citizenId]);
  const [referrer, setReferrer] = useState<Organization | null>(null);
  const [orgErrors, setOrgErrors] = useState<Errors>({});
  const now = localNow();
  const [f, setF] = useState({ cpr: '', givenName: '', familyName: '', sourceCode: '', receivedOn: now.date, receivedTime: now.time, reason: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>([]);
  const [dxQuery, setDxQuery] = useState('');
  const [dxResults, setDxResults] = useState<Diagnosis[]>([]);
  useEffect(() => {
    const q = dxQuery.trim();
    if (q.length < 2) { setDxResults([]); return; }
    const timer = setTimeout(() => {
      void api.get<{ diagnoses: Diagnosis[] }>(`/api/codes/diagnoses?q=${encodeURIComponent(q)}`).then((r) => setDxResults(r.diagnoses), () => setDxResults([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [dxQuery]);
  const typedCode = dxQuery.trim().toUpperCase();
  const typedSystem = SKS.test(typedCode) ? 'SKS' : ICPC2.test(typedCode) ? 'ICPC2' : null;
  const add = (d: Diagnosis) => { setDiagnoses((list) => (list.some((x) => x.code === d.code) ? list : [...list, d])); setDxQuery(''); document.getElementById('diagnosis-search')?.focus(); };

  const submit = useSubmit((path) => (path.startsWith('diagnoses') ? 'diagnosis-search' : path === 'receivedAt' ? 'receivedOn' : path === 'referringOrganizationId' ? 'referrer' : path));
  const existing = chosen.data;
  const labels: Record<string, string> = {
    cpr: t('referral.cpr'), givenName: t('referral.givenName'), familyName: t('referral.familyName'), sourceCode: t('referral.source'),
    receivedOn: t('referral.receivedOn'), receivedTime: t('referral.receivedTime'),
  };
  const validate = (): Errors => {
    const e: Errors = {};
    if (!existing) {
      if (!f.cpr.trim()) e.cpr = t('rule.required', { label: labels.cpr! });
      else if (!CPR.test(f.cpr.trim())) e.cpr = t('rule.cpr');
      if (!f.givenName.trim()) e.givenName = t('rule.required', { label: labels.givenName! });
      if (!f.familyName.trim()) e.familyName = t('rule.required', { label: labels.familyName! });
    }
    if (!f.sourceCode) e.sourceCode = t('rule.required', { label: labels.sourceCode! });
    if (!f.receivedOn) e.receivedOn = t('rule.required', { label: labels.receivedOn! });
    else if (f.receivedOn > now.date) e.receivedOn = t('rule.future', { label: labels.receivedOn! });
    if (!f.receivedTime) e.receivedTime = t('rule.required', { label: labels.receivedTime! });
    return e;
  };
  // The summary lists the referral's problems and those of a new organisation being added inline.
  const allErrors = useMemo(() => ({ ...submit.errors, ...orgErrors }), [submit.errors, orgErrors]);
  const save = (ev: React.FormEvent) => submit.run(ev, validate, async (key) => {
    let id = existing?.id;
    if (!id) {
      const found = await api.post<{ citizens: Citizen[] }>('/api/citizens/search', { cpr: f.cpr.trim() });
      id = found.citizens[0]?.id ?? (await api.post<Citizen>('/api/citizens', { cpr: f.cpr.trim(), givenName: f.givenName.trim(), familyName: f.familyName.trim() }, `${key}-citizen`)).id;
    }
    const referral = await api.post<Referral>('/api/referrals', {
      citizenId: id, sourceCode: f.sourceCode, ...(referrer ? { referringOrganizationId: referrer.id } : {}),
      diagnoses: diagnoses.map((d) => ({ system: d.system, code: d.code, ...(d.display ? { display: d.display } : {}) })),
      receivedAt: toInstant(f.receivedOn, f.receivedTime), ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
    }, key);
    navigate(`/borger/${id}?forloeb=${referral.id}&gemt=referral`);
  });

  return (
    <>
      <h1 tabIndex={-1}>{t('referral.title')}</h1>
      <p>{t('referral.intro')}</p>
      <ErrorSummary errors={allErrors} labels={labels} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="form-section">
          <legend className="h2">{t('referral.citizen')}</legend>
          {existing ? <p>{t('referral.citizenChosen', { name: `${existing.givenName} ${existing.familyName}`, cpr: existing.cpr })}</p> : (
            <>
              <p>{t('referral.citizenNew')}</p>
              <TextField id="cpr" label={`${labels.cpr} ${t('form.required')}`} value={f.cpr} onChange={set('cpr')} errors={submit.errors} inputMode="numeric" autoComplete="off" className="input-width-s" />
              <TextField id="givenName" label={`${labels.givenName} ${t('form.required')}`} value={f.givenName} onChange={set('givenName')} errors={submit.errors} autoComplete="off" />
              <TextField id="familyName" label={`${labels.familyName} ${t('form.required')}`} value={f.familyName} onChange={set('familyName')} errors={submit.errors} autoComplete="off" />
            </>
          )}
        </fieldset>
        <fieldset className="form-section">
          <legend className="h2">{t('referral.details')}</legend>
          <Select id="sourceCode" label={`${labels.sourceCode} ${t('form.required')}`} value={f.sourceCode} onChange={set('sourceCode')} errors={submit.errors} placeholder={t('referral.choose')}
            options={codes.valueSets.referralSources.map((c) => ({ value: c.code, label: c.display }))} />
          <OrganizationPicker id="referrer" label={t('referral.referrer')} value={referrer} onChange={setReferrer} errors={submit.errors} onErrors={setOrgErrors} />
          <div className="field-row">
            <TextField id="receivedOn" type="date" label={`${labels.receivedOn} ${t('form.required')}`} value={f.receivedOn} onChange={set('receivedOn')} errors={submit.errors} />
            <TextField id="receivedTime" type="time" label={`${labels.receivedTime} ${t('form.required')}`} value={f.receivedTime} onChange={set('receivedTime')} errors={submit.errors} />
          </div>
          <div className={`form-group${submit.errors['diagnosis-search'] ? ' form-error' : ''}`}>
            <h2 className="h4" id="diagnoses-heading">{t('referral.diagnoses')}</h2>
            {diagnoses.length === 0 ? <p>{t('referral.diagnosisNone')}</p> : (
              <ul className="nobullet-list chosen-list" aria-labelledby="diagnoses-heading">
                {diagnoses.map((d) => (
                  <li key={d.code}><strong>{d.system} {d.code}</strong>{d.display ? ` – ${d.display}` : ''}{' '}
                    <button type="button" className="function-link" onClick={() => setDiagnoses((l) => l.filter((x) => x.code !== d.code))}>{t('referral.diagnosisRemove')}<span className="sr-only"> {d.code}</span></button></li>
                ))}
              </ul>
            )}
            <label className="form-label" htmlFor="diagnosis-search">{t('referral.diagnosisSearch')} <span className="weight-normal">{t('form.optional')}</span></label>
            <span className="form-hint" id="diagnosis-search-hint">{t('referral.diagnosisHint')}</span>
            {submit.errors['diagnosis-search'] && <span className="form-error-message" id="diagnosis-search-error">{submit.errors['diagnosis-search']}</span>}
            <input id="diagnosis-search" className="form-input" value={dxQuery} onChange={(e) => setDxQuery(e.target.value)} autoComplete="off"
              aria-describedby={`diagnosis-search-hint${submit.errors['diagnosis-search'] ? ' diagnosis-search-error' : ''}`}
              onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
            {(dxResults.length > 0 || typedSystem) && (
              <ul className="nobullet-list suggestion-list" aria-label={t('referral.diagnosisResults')}>
                {dxResults.map((d) => (
                  <li key={d.system + d.code}><button type="button" className="button button-tertiary" onClick={() => add(d)}>{t('referral.diagnosisAdd')} {d.system} {d.code} – {d.display}</button></li>
                ))}
                {typedSystem && !dxResults.some((d) => d.code === typedCode) && (
                  <li><button type="button" className="button button-tertiary" onClick={() => add({ system: typedSystem, code: typedCode })}>{t('referral.diagnosisAddCode', { code: `${typedSystem} ${typedCode}` })}</button></li>
                )}
              </ul>
            )}
          </div>
          <TextArea id="reason" label={t('referral.reason')} value={f.reason} onChange={set('reason')} errors={submit.errors} />
        </fieldset>
        <button type="submit" className="button button-primary" disabled={submit.busy}>{submit.busy ? t('app.saving') : t('referral.submit')}</button>
      </form>
    </>
  );
}
