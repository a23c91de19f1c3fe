import { useState } from 'react';
import { optionAnswer, optionLabel, valueKey, type AnswerValue, type Item } from './questionnaire.ts';
import type { Say } from './strings.ts';
import { ReadAloud } from './read-aloud.tsx';

export interface QuestionProps {
  item: Item; value: AnswerValue[]; error: string | undefined; say: Say; speech: string;
  onChange(linkId: string, value: AnswerValue[] | 'invalid'): void;
}

const fieldId = (linkId: string) => `q-${linkId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
export { fieldId };

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? <span className="form-error-message" id={`${id}-error`}>{error}</span> : null;
}

/** One question as DKFDS form controls, with its own read-aloud button; every control has a label. */
export function Question({ item, value, error, say, speech, onChange }: QuestionProps) {
  const id = fieldId(item.linkId);
  const text = item.text ?? item.linkId;
  const label = <>{text}{item.required ? null : <span className="weight-normal"> {say('optional')}</span>}</>;
  const describedBy = [error ? `${id}-error` : '', item.repeats ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const group = `form-group${error ? ' form-error' : ''}`;

  if (item.type === 'display') return <p className="question-display">{text}</p>;
  if (item.type === 'choice' || item.type === 'open-choice') {
    const options = item.answerOption ?? [];
    const chosen = new Set(value.map(valueKey));
    const spoken = `${text}. ${options.map(optionLabel).join('. ')}`;
    return (
      <div className={group}>
        <fieldset aria-describedby={describedBy}>
          <legend className="form-label">{label}</legend>
          <ReadAloud text={spoken} lang={speech} say={say} />
          <ErrorText id={id} error={error} />
          {options.map((o, n) => {
            const optionId = n === 0 ? id : `${id}-${n}`;
            const key = valueKey(o);
            const type = item.repeats ? 'checkbox' : 'radio';
            return (
              <div className={`form-group-${type}`} key={key}>
                <input type={type} className={`form-${type}`} id={optionId} name={id} checked={chosen.has(key)} disabled={item.readOnly}
                  onChange={(e) => onChange(item.linkId, item.repeats
                    ? (e.target.checked ? [...value, optionAnswer(o)] : value.filter((v) => valueKey(v) !== key))
                    : [optionAnswer(o)])} />
                <label className="form-label" htmlFor={optionId}>{optionLabel(o)}</label>
              </div>
            );
          })}
        </fieldset>
      </div>
    );
  }
  return (
    <div className={group}>
      <label className="form-label" htmlFor={id}>{label}</label>
      <ReadAloud text={text} lang={speech} say={say} />
      {item.repeats && <span className="form-hint" id={`${id}-hint`}>{say('onePerLine')}</span>}
      <ErrorText id={id} error={error} />
      <TextControl id={id} item={item} value={value} describedBy={describedBy} invalid={!!error} onChange={(v) => onChange(item.linkId, v)} />
    </div>
  );
}

function initialText(item: Item, value: AnswerValue[]): string {
  return value.map((v) => String(Object.values(v)[0] ?? '')).join(item.repeats ? '\n' : '');
}

function TextControl({ id, item, value, describedBy, invalid, onChange }: {
  id: string; item: Item; value: AnswerValue[]; describedBy: string | undefined; invalid: boolean; onChange(v: AnswerValue[] | 'invalid'): void;
}) {
  const [text, setText] = useState(() => initialText(item, value));
  const numeric = item.type === 'integer' || item.type === 'decimal';
  const update = (next: string) => {
    setText(next);
    const clean = next.trim();
    if (!clean) return onChange([]);
    if (numeric) {
      const n = Number(clean.replace(',', '.'));
      const ok = item.type === 'integer' ? /^\d{1,6}$/.test(clean) : /^\d{1,6}([.,]\d+)?$/.test(clean);
      return onChange(ok ? [item.type === 'integer' ? { valueInteger: n } : { valueDecimal: n }] : 'invalid');
    }
    if (item.type === 'date') return onChange([{ valueDate: clean }]);
    if (item.repeats) return onChange(next.split('\n').map((s) => s.trim()).filter(Boolean).map((s) => ({ valueString: s })));
    return onChange([{ valueString: next }]);
  };
  const common = { id, name: id, value: text, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, required: item.required, readOnly: item.readOnly };
  if (item.type === 'text' || item.repeats) {
    return <textarea {...common} className="form-input" rows={item.repeats ? 3 : 4} maxLength={item.maxLength} onChange={(e) => update(e.target.value)} />;
  }
  return (
    <input {...common} className={`form-input${numeric ? ' input-width-xs' : ''}`} type={item.type === 'date' ? 'date' : 'text'}
      inputMode={item.type === 'integer' ? 'numeric' : item.type === 'decimal' ? 'decimal' : undefined} maxLength={item.maxLength}
      autoComplete="off" onChange={(e) => update(e.target.value)} />
  );
}
