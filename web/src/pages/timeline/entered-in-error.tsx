import { useRef, useState } from 'react';
import { ApiError, api, newIdempotencyKey } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Alert } from '../../ui/form.tsx';

export interface Outcome { kind: 'done' | 'conflict' | 'error'; text: string }

/**
 * Marking something entered in error: one question open at a time, the write with the version that
 * was read (so a colleague's change in between is refused with 412 and explained), then the page's
 * data reloaded before the outcome is shown, so the message matches what the page shows.
 */
export function useEnteredInError(onChanged: () => Promise<unknown>, conflictText: string) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const mark = async (path: string, version: number, what: string): Promise<Outcome> => {
    setBusy(true);
    let result: Outcome;
    try {
      await api.post(path, { version }, key.current);
      result = { kind: 'done', text: t('eie.done', { what }) };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      result = err.status === 412 ? { kind: 'conflict', text: conflictText } : { kind: 'error', text: err.status === 0 ? t('error.network') : err.message };
    } finally {
      key.current = newIdempotencyKey();
    }
    await onChanged();
    setBusy(false);
    setConfirming(null);
    setOutcome(result);
    return result;
  };
  const ask = (id: string) => { setOutcome(null); setConfirming(id); };
  return { confirming, outcome, busy, mark, ask, cancel: () => setConfirming(null) };
}

/** What came of marking: done, a colleague's change in between, or another problem. */
export function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  const { t } = useI18n();
  if (!outcome) return null;
  if (outcome.kind === 'conflict') return <Alert variant="warning" heading={t('eie.conflictTitle')}><p>{outcome.text}</p></Alert>;
  return <Alert variant={outcome.kind === 'done' ? 'success' : 'error'}>{outcome.text}</Alert>;
}

/** The confirmation step (a DKFDS warning with the question, what it means, confirm and cancel); it takes focus. */
export function ConfirmEnteredInError({ id, question, text, busy, onConfirm, onCancel }: {
  id: string; question: string; text: string; busy: boolean; onConfirm(): void; onCancel(): void;
}) {
  const { t } = useI18n();
  const focused = useRef(false);
  return (
    <div className="alert alert-warning timeline-confirm" role="group" aria-labelledby={`eie-q-${id}`}>
      <div className="alert-body">
        <p className="alert-heading" id={`eie-q-${id}`}>{question}</p>
        <p className="alert-text">{text}</p>
        <ul className="nobullet-list button-list">
          <li><button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}
            ref={(el) => { if (el && !focused.current) { focused.current = true; el.focus(); } }}>{busy ? t('app.saving') : t('eie.confirm')}</button></li>
          <li><button type="button" className="button button-secondary" onClick={onCancel}>{t('eie.cancel')}</button></li>
        </ul>
      </div>
    </div>
  );
}
