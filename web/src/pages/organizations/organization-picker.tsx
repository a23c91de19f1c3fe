import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, api, newIdempotencyKey } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Alert, Field, Radios, Select, TextField, type Errors } from '../../ui/form.tsx';

export interface Organization { id: string; idSystem: string; idValue: string; name: string; kind: string }
type IdSystem = 'sor' | 'fk-org';

const kinds = ['gp', 'hospital_department', 'specialist', 'jobcentre', 'social_services', 'home_care', 'other_municipality', 'own_unit', 'other'] as const;
const SOR = /^[0-9]{6,18}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The field ids of the new-organisation form (the page's error summary links to them). */
export const orgFields = { idSystem: 'org-idSystem', idValue: 'org-idValue', name: 'org-name', kind: 'org-kind' } as const;

const systemLabel = (system: string) => (system === 'sor' ? 'SOR' : 'FK-ORG');

/**
 * Choose the referring organisation by searching its name, SOR code or FK-ORG id, or add a new one
 * inline. Problems in the new-organisation form are shown next to its fields and handed to the page
 * (`onErrors`) for its error summary; the search field has the id `id` for the page's own errors.
 */
export function OrganizationPicker({ id, label, value, onChange, errors, onErrors }: {
  id: string; label: string; value: Organization | null; onChange(org: Organization | null): void; errors: Errors; onErrors(errors: Errors): void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Organization[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const chosenRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) { setResults(null); return; }
    const timer = setTimeout(() => {
      void api.get<{ organizations: Organization[] }>(`/api/organizations?q=${encodeURIComponent(q)}&limit=10`).then((r) => setResults(r.organizations), () => setResults(null));
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  const choose = (org: Organization, announce = false) => {
    onChange(org);
    setQuery('');
    setAdding(false);
    setSaved(announce ? org.name : null);
    setTimeout(() => chosenRef.current?.focus(), 0);
  };
  const remove = () => { onChange(null); setSaved(null); setTimeout(() => document.getElementById(id)?.focus(), 0); };

  const legend = <legend className="form-label">{label} <span className="weight-normal">{t('form.optional')}</span></legend>;
  if (value) {
    return (
      <fieldset className="form-group">
        {legend}
        {saved && <Alert variant="success">{t('org.saved', { name: saved })}</Alert>}
        <p className="form-label" id={id} tabIndex={-1} ref={chosenRef}>{t('org.chosen', { name: value.name })} <span className="weight-normal">({systemLabel(value.idSystem)} {value.idValue}, {t(`orgKind.${value.kind}` as MessageKey)})</span></p>
        <button type="button" className="function-link" onClick={remove}>{t('org.remove')}</button>
      </fieldset>
    );
  }
  return (
    <fieldset className="form-group">
      {legend}
      <Field id={id} label={t('org.search')} error={errors[id]} hint={t('org.searchHint')}>
        {(describedBy) => (
          <input id={id} name={id} className="form-input" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off"
            aria-describedby={describedBy} aria-invalid={errors[id] ? true : undefined} onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
        )}
      </Field>
      <p role="status">{results && results.length === 0 ? t('org.noMatch', { query: query.trim() }) : ''}</p>
      {results && results.length > 0 && (
        <ul className="nobullet-list suggestion-list" aria-label={t('org.results')}>
          {results.map((o) => (
            <li key={o.id}><button type="button" className="button button-tertiary" onClick={() => choose(o)}>
              {t('org.choose')} {o.name} – {systemLabel(o.idSystem)} {o.idValue}, {t(`orgKind.${o.kind}` as MessageKey).toLowerCase()}
            </button></li>
          ))}
        </ul>
      )}
      {adding
        ? <NewOrganization query={query} onSaved={(org) => { onErrors({}); choose(org, true); }} onCancel={() => { onErrors({}); setAdding(false); }} onErrors={onErrors} />
        : <p><button type="button" className="button button-secondary" onClick={() => setAdding(true)}>{t('org.new')}</button></p>}
    </fieldset>
  );
}

/** The inline form for a new organisation (a fieldset inside the page's form, saved with its own button). */
function NewOrganization({ query, onSaved, onCancel, onErrors }: {
  query: string; onSaved(org: Organization): void; onCancel(): void; onErrors(errors: Errors): void;
}) {
  const { t } = useI18n();
  const typed = query.trim();
  const typedId = SOR.test(typed) || UUID.test(typed);
  const [f, setF] = useState({ idSystem: (UUID.test(typed) ? 'fk-org' : 'sor') as IdSystem, idValue: typedId ? typed : '', name: typedId ? '' : typed, kind: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const labels = { idValue: t(f.idSystem === 'sor' ? 'org.sor' : 'org.fkorg'), name: t('org.name'), kind: t('org.kind') };
  const report = (e: Errors) => { setErrors(e); onErrors(e); };
  useEffect(() => { document.getElementById(orgFields.idSystem)?.focus(); }, []);

  const validate = (): Errors => {
    const e: Errors = {};
    const idValue = f.idValue.trim();
    if (!idValue) e[orgFields.idValue] = t('rule.required', { label: labels.idValue });
    else if (!(f.idSystem === 'sor' ? SOR : UUID).test(idValue)) e[orgFields.idValue] = t(`rule.orgId.${f.idSystem}`);
    if (!f.name.trim()) e[orgFields.name] = t('rule.required', { label: labels.name });
    if (!f.kind) e[orgFields.kind] = t('rule.required', { label: labels.kind });
    return e;
  };
  const save = async () => {
    const problems = validate();
    report(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const org = await api.post<Organization>('/api/organizations', { idSystem: f.idSystem, idValue: f.idValue.trim(), name: f.name.trim(), kind: f.kind }, key.current);
      onSaved(org);
    } catch (err) {
      key.current = newIdempotencyKey();
      if (!(err instanceof ApiError)) throw err;
      const e: Errors = {};
      for (const p of err.fields) {
        const field = p.path === 'idValue' ? orgFields.idValue : p.path === 'name' ? orgFields.name : p.path === 'kind' ? orgFields.kind : orgFields.idSystem;
        e[field] ??= p.rule === 'duplicate' ? t('rule.orgDuplicate') : p.rule === 'organization.id' ? t(`rule.orgId.${f.idSystem}`) : p.message;
      }
      report(Object.keys(e).length ? e : { [orgFields.idValue]: err.message });
    } finally {
      setBusy(false);
    }
  };
  // Enter in a field saves this organisation, not the referral around it.
  const enterSaves = (e: KeyboardEvent) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') { e.preventDefault(); void save(); } };

  return (
    <fieldset className="inline-form" onKeyDown={enterSaves}>
      <legend className="h4">{t('org.newTitle')}</legend>
      <Radios id={orgFields.idSystem} legend={t('org.idSystem')} value={f.idSystem} onChange={(v) => setF((s) => ({ ...s, idSystem: v as IdSystem }))} errors={errors}
        options={[{ value: 'sor', label: t('org.sor') }, { value: 'fk-org', label: t('org.fkorg') }]} />
      <TextField id={orgFields.idValue} label={`${labels.idValue} ${t('form.required')}`} hint={t(`org.idHint.${f.idSystem}`)} value={f.idValue} onChange={set('idValue')} errors={errors} autoComplete="off" />
      <TextField id={orgFields.name} label={`${labels.name} ${t('form.required')}`} value={f.name} onChange={set('name')} errors={errors} autoComplete="off" />
      <Select id={orgFields.kind} label={`${labels.kind} ${t('form.required')}`} value={f.kind} onChange={set('kind')} errors={errors} placeholder={t('org.chooseKind')}
        options={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
      <ul className="nobullet-list button-list">
        <li><button type="button" className="button button-primary" onClick={() => void save()} disabled={busy}>{busy ? t('app.saving') : t('org.save')}</button></li>
        <li><button type="button" className="button button-tertiary" onClick={onCancel}>{t('org.cancel')}</button></li>
      </ul>
    </fieldset>
  );
}
