import { useState, type FormEvent } from 'react';
import type { Say } from './strings.ts';

/** The second check some links ask for: the birth date as day, month and year (numeric keyboards on phones). */
export function BirthDateForm({ say, message, onSubmit }: { say: Say; message: string | null; onSubmit(date: string): void }) {
  const [parts, setParts] = useState({ day: '', month: '', year: '' });
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
    const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const real = new Date(`${date}T12:00:00Z`);
    const ok = y > 1900 && !Number.isNaN(real.getTime()) && real.getUTCDate() === d && real.getUTCMonth() + 1 === m && real < new Date();
    setInvalid(!ok);
    if (ok) onSubmit(date);
  };
  const error = invalid ? say('birthDateInvalid') : message;
  const field = (name: 'day' | 'month' | 'year', width: string, max: number) => (
    <div className={`form-group form-group-${name}`}>
      <label className="form-label" htmlFor={`birth-${name}`}>{say(name)}</label>
      <input className={`form-input ${width}`} id={`birth-${name}`} name={`birth-${name}`} type="text" inputMode="numeric" maxLength={max}
        autoComplete={name === 'day' ? 'bday-day' : name === 'month' ? 'bday-month' : 'bday-year'} value={parts[name]}
        aria-invalid={error ? true : undefined} onChange={(e) => setParts({ ...parts, [name]: e.target.value.replace(/\D/g, '') })} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      <h1 tabIndex={-1}>{say('birthDateTitle')}</h1>
      <p>{say('birthDateIntro')}</p>
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <fieldset aria-describedby={`birth-hint${error ? ' birth-error' : ''}`}>
          <legend className="form-label">{say('birthDate')}</legend>
          <span className="form-hint" id="birth-hint">{say('birthDateHint')}</span>
          {error && <span className="form-error-message" id="birth-error" role="alert">{error}</span>}
          <div className="date-group" dir="ltr">
            {field('day', 'input-width-xxs', 2)}
            {field('month', 'input-width-xxs', 2)}
            {field('year', 'input-width-xs', 4)}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="button button-primary">{say('continue')}</button>
    </form>
  );
}
