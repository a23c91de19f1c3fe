import { useRef, useState } from 'react';
import { ApiError, api, newIdempotencyKey, type TimelineItem } from '../../api.ts';
import { useCodes } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Alert } from '../../ui/form.tsx';

/**
 * The course as a timeline, oldest first. A contact attempt, conversation, session or measurement
 * registered by mistake can be marked entered in error (after a confirmation, with the version that
 * was read, so a colleague's change in between is caught and explained); marked records stay in the
 * timeline, struck through and labelled, and no longer count as current values.
 */
export function CourseTimeline({ items, onChanged }: { items: TimelineItem[]; onChanged(): Promise<unknown> }) {
  const { t, date, dateTime, number } = useI18n();
  const codes = useCodes();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'conflict' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const label = (k: string, prefix: string) => t(`${prefix}.${k}` as MessageKey);
  const text = (i: TimelineItem): string => {
    switch (i.kind) {
      case 'referral': return t('tl.referral', { source: codes.display(i.code) });
      case 'contact_attempt': return t('tl.contact', { channel: label(i.channel ?? '', 'channel'), outcome: label(i.outcome ?? '', 'outcome').toLowerCase() });
      case 'session': return t('tl.session', { team: i.teamName ?? label('session', 'purpose'), number: i.sessionNumber ?? '', attendance: t(`attendance.${attendanceOf(i.status)}` as MessageKey) });
      case 'encounter': return t('tl.encounter', { purpose: label(i.purpose ?? 'other', 'purpose'), class: label(i.class ?? '', 'class').toLowerCase(), status: i.enteredInError ? t('eie.label') : label(i.status ?? '', 'encounter') });
      case 'pathway_granted': return t('tl.pathway_granted', { codes: i.codes.map((c) => codes.display(c)).join(', ') });
      case 'pathway_started': return t('tl.pathway_started');
      case 'pathway_ended': return t('tl.pathway_ended', { status: label(i.status ?? '', 'status').toLowerCase() });
      case 'intervention_ended': return t('tl.intervention_ended', { codes: i.codes.map((c) => codes.display(c)).join(', '), status: label(i.status ?? '', 'status').toLowerCase() });
      case 'course_closed': return t('tl.course_closed');
      default: return t('tl.observation');
    }
  };
  const values = (i: TimelineItem) => i.measurements.map((m) => `${t(`measure.${m.measure}` as MessageKey)} ${number(m.value)} ${m.unit}`).join(' · ');
  /** What the record is, in words, for the mark button's name, the question and the confirmation. */
  const summary = (i: TimelineItem) => (i.kind === 'observation' ? `${text(i)}: ${values(i)}` : text(i));
  const itemKey = (i: TimelineItem) => `${i.kind}-${i.id}`;
  const focusItem = (i: TimelineItem) => setTimeout(() => document.getElementById(`tl-${itemKey(i)}`)?.focus(), 0);

  const mark = async (i: TimelineItem) => {
    setBusy(true);
    let result: NonNullable<typeof outcome>;
    try {
      await api.post(`/api/${i.correction}/${i.id}/entered-in-error`, { version: i.version }, key.current);
      result = { kind: 'done', text: t('eie.done', { what: summary(i) }) };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      result = err.status === 412 ? { kind: 'conflict', text: t('eie.conflict') } : { kind: 'error', text: err.status === 0 ? t('error.network') : err.message };
    } finally {
      key.current = newIdempotencyKey();
    }
    // The message shows with the reloaded timeline, so what it says is what the page shows.
    await onChanged();
    setBusy(false);
    setConfirming(null);
    setOutcome(result);
    focusItem(i);
  };

  return (
    <section aria-labelledby="timeline-heading">
      <h4 id="timeline-heading">{t('citizen.timeline')}</h4>
      {outcome?.kind === 'done' && <Alert variant="success">{outcome.text}</Alert>}
      {outcome?.kind === 'conflict' && <Alert variant="warning" heading={t('eie.conflictTitle')}><p>{outcome.text}</p></Alert>}
      {outcome?.kind === 'error' && <Alert variant="error">{outcome.text}</Alert>}
      <ol className="timeline">{items.map((i) => (
        <li key={itemKey(i)} id={`tl-${itemKey(i)}`} tabIndex={-1} className={`timeline-item timeline-${i.kind}${i.enteredInError ? ' entered-in-error' : ''}`}>
          <span className="timeline-when">{i.dateOnly ? date(i.at) : dateTime(i.at)}</span>
          {i.enteredInError && <span><span className="badge badge-error">{t('eie.label')}</span></span>}
          {i.enteredInError ? <del className="timeline-what">{text(i)}</del> : <span className="timeline-what">{text(i)}</span>}
          {details(i)}
          {i.correction && i.version !== null && confirming !== itemKey(i) && (
            <span><button type="button" className="function-link" onClick={() => { setOutcome(null); setConfirming(itemKey(i)); }}>
              {t('eie.mark')}<span className="sr-only">: {summary(i)}, {i.dateOnly ? date(i.at) : dateTime(i.at)}</span>
            </button></span>
          )}
          {confirming === itemKey(i) && (
            <div className="alert alert-warning timeline-confirm" role="group" aria-labelledby={`eie-q-${i.id}`}>
              <div className="alert-body">
                <p className="alert-heading" id={`eie-q-${i.id}`}>{t('eie.confirmTitle', { what: summary(i) })}</p>
                <p className="alert-text">{t('eie.confirmText')}</p>
                <ul className="nobullet-list button-list">
                  <li><button type="button" className="button button-primary" disabled={busy} onClick={() => void mark(i)} ref={(el) => el?.focus()}>{busy ? t('app.saving') : t('eie.confirm')}</button></li>
                  <li><button type="button" className="button button-secondary" onClick={() => { setConfirming(null); focusItem(i); }}>{t('eie.cancel')}</button></li>
                </ul>
              </div>
            </div>
          )}
        </li>
      ))}</ol>
    </section>
  );

  function details(i: TimelineItem) {
    const Line = i.enteredInError ? 'del' : 'span';
    return (
      <>
        {i.code && ['pathway_ended', 'intervention_ended', 'course_closed'].includes(i.kind) && <span className="timeline-detail">{t('tl.reason', { reason: codes.display(i.code) })}</span>}
        {i.kind === 'encounter' && i.codes.length > 0 && <Line className="timeline-detail">{t('tl.conditions', { codes: i.codes.map((c) => codes.display(c)).join(', ') })}</Line>}
        {i.measurements.length > 0 && <Line className="timeline-detail">{values(i)}</Line>}
        {i.note && <Line className="timeline-detail">{i.kind === 'referral' ? t('tl.reason', { reason: i.note }) : t('tl.note', { note: i.note })}</Line>}
      </>
    );
  }
}

const attendanceOf = (status: string | null) => (status === 'finished' ? 'present' : status === 'no-show' ? 'absent' : status === 'cancelled' ? 'excused' : 'not_called');
