import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { formatDanishDate, parseDanishDate } from '../../../src/domain/danish-date.ts';

export const DATE_EXAMPLE = '17.03.2026';

/**
 * A date typed as dd.mm.åååå in a DKFDS text input (the date picker's input, without a calendar),
 * the same in every browser and language setting, unlike `<input type="date">`. The form keeps ISO
 * YYYY-MM-DD: `onChange` gets the ISO date once the text is a real date, and the text as typed until
 * then; the input then carries `data-date-invalid`, which `useSubmit` turns into a message naming the
 * field. Leaving the field writes a short date out in full (1.3.2026 → 01.03.2026).
 */
export function DateInput({ id, value, onChange, label, describedBy, invalid, required, className }: {
  id: string; value: string; onChange(v: string): void; label: string; describedBy: string | undefined; invalid: boolean; required: boolean; className?: string | undefined;
}) {
  const [text, setText] = useState(() => formatDanishDate(value));
  // A new value from outside (a default, a reload) replaces what is shown; the user's own typing does not.
  useEffect(() => {
    const typed = parseDanishDate(text);
    if (value === '' ? text.trim() !== '' && typed !== null : value !== text && value !== typed) setText(formatDanishDate(value));
  }, [value]);
  const typed = parseDanishDate(text);
  return (
    <input id={id} name={id} type="text" className={`form-input ${className ?? 'input-width-s'}`} value={text} autoComplete="off"
      onChange={(e) => { setText(e.target.value); onChange(parseDanishDate(e.target.value) ?? e.target.value); }}
      onBlur={() => { if (typed) setText(formatDanishDate(typed)); }}
      data-date-invalid={text.trim() !== '' && !typed ? 'true' : undefined} data-label={label}
      aria-invalid={invalid ? true : undefined} aria-describedby={describedBy} required={required} />
  );
}

/** The hint every date field shows (DKFDS: tell the user the format). */
export function useDateHint(): string {
  return useI18n().t('date.hint', { example: DATE_EXAMPLE });
}
