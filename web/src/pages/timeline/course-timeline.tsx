import type { TimelineItem } from '../../api.ts';
import { useCodes } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { ConfirmEnteredInError, OutcomeAlert, useEnteredInError } from './entered-in-error.tsx';

/**
 * The course as a timeline, oldest first. A contact attempt, conversation, session or measurement
 * registered by mistake can be marked entered in error (after a confirmation, with the version that
 * was read, so a colleague's change in between is caught and explained); marked records stay in the
 * timeline, struck through and labelled, and no longer count as current values.
 */
export function CourseTimeline({ items, onChanged }: { items: TimelineItem[]; onChanged(): Promise<unknown> }) {
  const { t, date, dateTime, number } = useI18n();
  const codes = useCodes();
  const eie = useEnteredInError(onChanged, t('eie.conflict'));
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
      case 'questionnaire': return t('tl.questionnaire', { title: i.title ?? '', timePoint: label(i.timePoint ?? 'other', 'timepoint').toLowerCase() });
      case 'stratification': return t('tl.stratification', { level: label(i.code ?? '', 'support').toLowerCase() });
      default: return t('tl.observation');
    }
  };
  const values = (i: TimelineItem) => i.measurements.map((m) => `${t(`measure.${m.measure}` as MessageKey)} ${number(m.value)} ${m.unit}`).join(' · ');
  /** What the record is, in words, for the mark button's name, the question and the confirmation. */
  const summary = (i: TimelineItem) => (i.kind === 'observation' ? `${text(i)}: ${values(i)}` : text(i));
  const itemKey = (i: TimelineItem) => `${i.kind}-${i.id}`;
  const focusItem = (i: TimelineItem) => setTimeout(() => document.getElementById(`tl-${itemKey(i)}`)?.focus(), 0);

  const mark = async (i: TimelineItem) => {
    await eie.mark(`/api/${i.correction}/${i.id}/entered-in-error`, i.version!, summary(i));
    focusItem(i);
  };

  return (
    <section aria-labelledby="timeline-heading">
      <h4 id="timeline-heading">{t('citizen.timeline')}</h4>
      <OutcomeAlert outcome={eie.outcome} />
      <ol className="timeline">{items.map((i) => (
        <li key={itemKey(i)} id={`tl-${itemKey(i)}`} tabIndex={-1} className={`timeline-item timeline-${i.kind}${i.enteredInError ? ' entered-in-error' : ''}`}>
          <span className="timeline-when">{i.dateOnly ? date(i.at) : dateTime(i.at)}</span>
          {i.enteredInError && <span><span className="badge badge-error">{t('eie.label')}</span></span>}
          {i.enteredInError ? <del className="timeline-what">{text(i)}</del> : <span className="timeline-what">{text(i)}</span>}
          {details(i)}
          {i.correction && i.version !== null && eie.confirming !== itemKey(i) && (
            <span><button type="button" className="function-link" onClick={() => eie.ask(itemKey(i))}>
              {t('eie.mark')}<span className="sr-only">: {summary(i)}, {i.dateOnly ? date(i.at) : dateTime(i.at)}</span>
            </button></span>
          )}
          {eie.confirming === itemKey(i) && (
            <ConfirmEnteredInError id={i.id} question={t('eie.confirmTitle', { what: summary(i) })} text={t('eie.confirmText')} busy={eie.busy}
              onConfirm={() => void mark(i)} onCancel={() => { eie.cancel(); focusItem(i); }} />
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
