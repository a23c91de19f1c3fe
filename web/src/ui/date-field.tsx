import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { formatDanishDate, parseDanishDate, parseDanishTime } from '../../../src/domain/danish-date.ts';

export const DATE_EXAMPLE = '17.03.2026';
export const TIME_EXAMPLE = '14:30';

/** How a date or a time of day is typed and shown, and the message when the text is not one. */
const formats = {
  date: { parse: parseDanishDate, format: formatDanishDate, rule: 'rule.dateFormat', hint: 'date.hint', example: DATE_EXAMPLE, width: 'input-width-s' },
  time: { parse: parseDanishTime, format: (v: string) => v, rule: 'rule.timeFormat', hint: 'time.hint', example: TIME_EXAMPLE, width: 'input-width-xs' },
} satisfies Record<string, { parse(t: string): string | null; format(v: string): string; rule: MessageKey; hint: MessageKey; example: string; width: string }>;
export type FormattedKind = keyof typeof formats;

/**
 * A date (dd.mm.åååå) or time of day (tt:mm, 24-hour clock) typed in a DKFDS text input: the same in
 * every browser and language setting, unlike `<input type="date">`/`"time"`, which follow the
 * browser's language (mm/dd/yyyy, 08:31 AM). The form keeps ISO values (YYYY-MM-DD, HH:MM):
 * `onChange` gets one once the text is a real date or time, and the text as typed until then; the
 * input then carries `data-format-invalid`, which `useSubmit` turns into a message naming the field.
 * Leaving the field writes a short value out in full (1.3.2026 → 01.03.2026, 9.05 → 09:05).
 */
export function FormattedInput({ kind, id, value, onChange, label, describedBy, invalid, required, className }: {
  kind: FormattedKind; id: string; value: string; onChange(v: string): void; label: string; describedBy: string | undefined; invalid: boolean; required: boolean; className?: string | undefined;
}) {
  const { t } = useI18n();
  const f = formats[kind];
  const [text, setText] = useState(() => f.format(value));
  // A new value from outside (a default, a reload) replaces what is shown; the user's own typing does not.
  useEffect(() => {
    const typed = f.parse(text);
    if (value === '' ? text.trim() !== '' && typed !== null : value !== text && value !== typed) setText(f.format(value));
  }, [value]);
  const typed = f.parse(text);
  return (
    <input id={id} name={id} type="text" className={`form-input ${className ?? f.width}`} value={text} autoComplete="off"
      onChange={(e) => { setText(e.target.value); onChange(f.parse(e.target.value) ?? e.target.value); }}
      onBlur={() => { if (typed) setText(f.format(typed)); }}
      data-format-invalid={text.trim() !== '' && !typed ? t(f.rule, { label, example: f.example }) : undefined}
      aria-invalid={invalid ? true : undefined} aria-describedby={describedBy} required={required} />
  );
}

/** The hint a date or time field shows (DKFDS: tell the user the format). */
export function useFormatHint(kind: FormattedKind): string {
  return useI18n().t(formats[kind].hint, { example: formats[kind].example });
}
