import { useState } from 'react';
import { api, type Citizen } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { ErrorSummary, TextField, useSubmit, type Errors } from './form.tsx';

/** A DKFDS checkbox group in a fieldset: several values of a closed list. */
export function CheckboxGroup<T extends string | number>({ id, legend, options, value, onChange, hint }: {
  id: string; legend: string; options: { value: T; label: string }[]; value: readonly T[]; onChange(v: T[]): void; hint?: string;
}) {
  return (
    <div className="form-group">
      <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="form-label">{legend}</legend>
        {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
        <div className="checkbox-columns">
          {options.map((o, i) => (
            <div className="form-group-checkbox" key={String(o.value)}>
              <input type="checkbox" className="form-checkbox" id={i === 0 ? id : `${id}-${o.value}`} checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))} />
              <label className="form-label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Finds a citizen by name (POST, audit-logged by the server) and links each hit to `hrefOf(citizen)`. */
export function CitizenPicker({ hrefOf }: { hrefOf(c: Citizen): string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [found, setFound] = useState<Citizen[] | null>(null);
  const submit = useSubmit((p) => (p === 'name' ? 'picker-name' : p));
  const search = (e: React.FormEvent) => submit.run(e, (): Errors => (name.trim().length < 2 ? { 'picker-name': t('rule.required', { label: t('picker.label') }) } : {}), async () => {
    setFound((await api.post<{ citizens: Citizen[] }>('/api/citizens/search', { name: name.trim() })).citizens);
  });
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form onSubmit={(e) => void search(e)} noValidate className="limit-form">
        <TextField id="picker-name" label={t('picker.label')} value={name} onChange={setName} errors={submit.errors} autoComplete="off" />
        <button type="submit" className="button button-secondary">{t('picker.submit')}</button>
      </form>
      {found && (found.length === 0 ? <p role="status">{t('picker.none')}</p> : (
        <ul className="nobullet-list chosen-list">{found.map((c) => <li key={c.id}><Link href={hrefOf(c)}>{c.givenName} {c.familyName}</Link> ({c.cpr})</li>)}</ul>
      ))}
    </>
  );
}

export const splitList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
