import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, newIdempotencyKey } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { FormattedInput, useFormatHint } from './date-field.tsx';

export type Errors = Record<string, string>;

/** The DKFDS error summary: a heading and a link to each field with a problem; it takes focus when shown. */
/** `labels` names the fields for callers' reference; each message already names its field. */
export function ErrorSummary({ errors }: { errors: Errors; labels?: Record<string, string> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => { if (entries.length) ref.current?.focus(); }, [errors]);
  if (!entries.length) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-heading">
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">{t('error.summary')}</h2>
        <ul className="alert-text nobullet-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a className="function-link" href={`#${field}`} onClick={(e) => {
                const el = document.getElementById(field) ?? document.querySelector<HTMLElement>(`[name="${field}"]`);
                if (el) { e.preventDefault(); el.focus(); el.scrollIntoView({ block: 'center' }); }
              }}>{message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Alert({ variant, heading, children, focus }: { variant: 'info' | 'success' | 'warning' | 'error'; heading?: string; children?: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (focus) ref.current?.focus(); }, [focus]);
  return (
    <div className={`alert alert-${variant}`} role={variant === 'error' || variant === 'warning' ? 'alert' : 'status'} tabIndex={focus ? -1 : undefined} ref={ref}>
      <div className="alert-body">
        {heading && <h2 className="alert-heading">{heading}</h2>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}

interface FieldProps { id: string; label: string; error?: string | undefined; hint?: string | undefined; optional?: boolean | undefined; children: (describedBy: string | undefined) => ReactNode }

/** A DKFDS form group: label, hint, the error message next to the field, then the control. */
export function Field({ id, label, error, hint, optional, children }: FieldProps) {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>{label}{optional ? <span className="weight-normal"> {t('form.optional')}</span> : null}</label>
      {hint && <span className="form-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="form-error-message" id={`${id}-error`}><span className="sr-only">{t('error.summary')}: </span>{error}</span>}
      {children(describedBy)}
    </div>
  );
}

type InputProps = { id: string; label: string; value: string; onChange(v: string): void; errors: Errors; hint?: string; optional?: boolean; type?: string; inputMode?: 'decimal' | 'numeric' | 'text'; autoComplete?: string; className?: string; suffix?: string };
/**
 * `type="date"` and `type="time"` give Danish date and time fields (dd.mm.åååå, tt:mm; see
 * date-field.tsx); the value stays ISO (YYYY-MM-DD, HH:MM).
 */
export function TextField({ id, label, value, onChange, errors, hint, optional, type = 'text', inputMode, autoComplete, className, suffix }: InputProps) {
  const formatted = type === 'date' || type === 'time' ? type : null;
  const formatHint = useFormatHint(formatted ?? 'date');
  if (formatted) {
    return (
      <Field id={id} label={label} error={errors[id]} hint={hint ? `${hint} ${formatHint}` : formatHint} optional={optional}>
        {(describedBy) => <FormattedInput kind={formatted} id={id} value={value} onChange={onChange} label={label.replace(/\s*\*$/, '')} describedBy={describedBy}
          invalid={Boolean(errors[id])} required={!optional} className={className} />}
      </Field>
    );
  }
  return (
    <Field id={id} label={label} error={errors[id]} hint={hint} optional={optional}>
      {(describedBy) => {
        const input = (
          <input id={id} name={id} className={`form-input${className ? ` ${className}` : ''}`} type={type} value={value} inputMode={inputMode} autoComplete={autoComplete}
            onChange={(e) => onChange(e.target.value)} aria-invalid={errors[id] ? true : undefined} aria-describedby={describedBy} required={!optional} />
        );
        return suffix ? <div className="form-input-wrapper form-input-wrapper--suffix">{input}<div className="form-input-suffix" aria-hidden="true">{suffix}</div></div> : input;
      }}
    </Field>
  );
}

export function TextArea({ id, label, value, onChange, errors, optional = true }: Omit<InputProps, 'type'>) {
  return (
    <Field id={id} label={label} error={errors[id]} optional={optional}>
      {(describedBy) => <textarea id={id} name={id} className="form-input" rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={errors[id] ? true : undefined} />}
    </Field>
  );
}

export function Select({ id, label, value, onChange, errors, options, optional, hint, placeholder }: {
  id: string; label: string; value: string; onChange(v: string): void; errors: Errors; options: { value: string; label: string }[]; optional?: boolean; hint?: string; placeholder?: string;
}) {
  return (
    <Field id={id} label={label} error={errors[id]} optional={optional} hint={hint}>
      {(describedBy) => (
        <select id={id} name={id} className="form-select" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={errors[id] ? true : undefined} required={!optional}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

/** Radio buttons in a fieldset with a legend (DKFDS radio group); the first radio carries the field id for the error summary link. */
export function Radios({ id, legend, value, onChange, errors, options }: {
  id: string; legend: string; value: string; onChange(v: string): void; errors: Errors; options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const error = errors[id];
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="form-label">{legend}</legend>
        {error && <span className="form-error-message" id={`${id}-error`}><span className="sr-only">{t('error.summary')}: </span>{error}</span>}
        {options.map((o, i) => (
          <div className="form-group-radio" key={o.value}>
            <input type="radio" className="form-radio" id={i === 0 ? id : `${id}-${o.value}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label className="form-label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="form-group-checkbox">
      <input type="checkbox" className="form-checkbox" id={id} name={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="form-label" htmlFor={id}>{label}</label>
    </div>
  );
}

export interface SubmitState { busy: boolean; errors: Errors; problem: null | 'conflict' | 'illegal' | 'generic' | 'network' | 'reloaded'; problemText?: string }

/**
 * Runs a form's submission: client-side checks first, then the write with one Idempotency-Key per
 * form (so a double click writes once). Server field problems land next to the fields; a 412 or 409
 * is explained above the form and the user's input is kept.
 */
export function useSubmit(fieldOf: (path: string) => string = (p) => p) {
  const { t } = useI18n();
  const [state, setState] = useState<SubmitState>({ busy: false, errors: {}, problem: null });
  const key = useRef(newIdempotencyKey());
  const run = async (e: FormEvent | null, validate: () => Errors, write: (idempotencyKey: string) => Promise<void>) => {
    e?.preventDefault();
    // A date or time field whose text is not a real date or time says so, whatever else the form checks about it.
    const form = e?.currentTarget instanceof HTMLFormElement ? e.currentTarget : null;
    const formatErrors: Errors = Object.fromEntries([...form?.querySelectorAll<HTMLInputElement>('input[data-format-invalid]') ?? []]
      .map((input) => [input.id, input.dataset.formatInvalid ?? '']));
    const errors = { ...validate(), ...formatErrors };
    if (Object.keys(errors).length) { setState({ busy: false, errors, problem: null }); return; }
    setState({ busy: true, errors: {}, problem: null });
    try {
      await write(key.current);
      key.current = newIdempotencyKey();
      setState({ busy: false, errors: {}, problem: null });
    } catch (err) {
      key.current = newIdempotencyKey();
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 400 && err.fields.length) {
        const mapped: Errors = {};
        for (const f of err.fields) mapped[fieldOf(f.path)] ??= serverRuleMessage(t, f.rule, f.message);
        setState({ busy: false, errors: mapped, problem: null });
      } else if (err.status === 412) setState({ busy: false, errors: {}, problem: 'conflict' });
      else if (err.status === 409 && err.code === 'illegal_transition') setState({ busy: false, errors: {}, problem: 'illegal', problemText: err.message });
      else if (err.status === 0) setState({ busy: false, errors: {}, problem: 'network' });
      else setState({ busy: false, errors: {}, problem: 'generic', problemText: err.message });
    }
  };
  const markReloaded = () => setState((s) => ({ ...s, problem: 'reloaded' }));
  return { ...state, run, markReloaded };
}

/** Our own wording for the rules the server names; the server's (already translated) message otherwise. */
function serverRuleMessage(t: (k: MessageKey, p?: Record<string, string | number>) => string, rule: string, message: string): string {
  switch (rule) {
    case 'cpr.format': return t('rule.cpr');
    case 'cpr.date': return t('rule.cpr.date');
    case 'diagnosis.code': return t('rule.diagnosis');
    case 'cancellation_reason.required': return t('rule.reason');
    case 'cancellation_reason.forbidden': return t('rule.reasonForbidden');
    default: return message;
  }
}

/** `conflict` words a 412 for what the form edits (an offer, an association); the default speaks of the course. */
export function ProblemAlert({ state, onReload, conflict }: { state: SubmitState; onReload?: () => void; conflict?: { title: string; text: string } }) {
  const { t } = useI18n();
  switch (state.problem) {
    case 'conflict':
      return (
        <Alert variant="warning" heading={conflict?.title ?? t('error.conflictTitle')} focus>
          <p>{conflict?.text ?? t('error.conflict')}</p>
          {onReload && <p><button type="button" className="button button-secondary" onClick={onReload}>{t('error.conflictReload')}</button></p>}
        </Alert>
      );
    case 'reloaded': return <Alert variant="info" focus>{t('error.conflictReloaded')}</Alert>;
    case 'illegal': return <Alert variant="error" heading={t('error.illegalTitle')} focus><p>{t('error.illegal')}</p><p>{state.problemText}</p></Alert>;
    case 'network': return <Alert variant="error" focus>{t('error.network')}</Alert>;
    case 'generic': return <Alert variant="error" focus>{state.problemText ?? t('error.generic')}</Alert>;
    default: return null;
  }
}

export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="loading">{t('app.loading')}</p>;
}

/**
 * A table that may be wider than the screen (200 % zoom): it scrolls sideways on its own and, only
 * while it does, can take keyboard focus so it can be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table--responsive-scroll" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>{children}</div>
  );
}
