import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { ErrorSummary, ProblemAlert, Radios, TextArea, useSubmit, type Errors } from '../../ui/form.tsx';
import type { Conversation } from './types.ts';

const levels = ['self_managed', 'standard', 'extended'] as const;

/** The models' recommendations with their reasons, and the professional's final level (with a reason when it differs). */
export function StratificationPanel({ referralId, stratification, onSaved }: { referralId: string; stratification: Conversation['stratification']; onSaved(): Promise<unknown> }) {
  const { t, dateTime } = useI18n();
  const { recommendations, decision } = stratification;
  const [model, setModel] = useState(recommendations[0]?.model ?? 'esbjerg');
  const recommended = recommendations.find((r) => r.model === model)?.level;
  const [level, setLevel] = useState<string>(recommended ?? 'standard');
  const [reason, setReason] = useState('');
  const submit = useSubmit((p) => (p === 'overrideReason' ? 'strat-reason' : p === 'finalLevel' ? 'strat-level' : p));
  const differs = recommended !== undefined && level !== recommended;
  const validate = (): Errors => (differs && !reason.trim() ? { 'strat-reason': t('cv.overrideNeeded') } : {});
  const decide = (e: React.FormEvent) => submit.run(e, validate, async (key) => {
    await api.post(`/api/referrals/${referralId}/stratification`, { model, finalLevel: level, ...(differs ? { overrideReason: reason.trim() } : {}) }, key);
    setReason('');
    await onSaved();
  });
  const levelLabel = (l: string) => t(`support.${l}` as MessageKey);
  return (
    <section className="form-section" aria-labelledby="strat-heading">
      <h2 id="strat-heading">{t('cv.stratification')}</h2>
      {recommendations.map((r) => (
        <div key={r.model} className="recommendation">
          <h3>{t('cv.recommends', { model: r.title, level: levelLabel(r.level) })}</h3>
          <p className="meta">{t('cv.reasons')}:</p>
          <ul>{r.reasons.map((x, i) => <li key={i}>{x.text}</li>)}</ul>
        </div>
      ))}
      {decision && (
        <div className="alert alert-info" role="status"><div className="alert-body"><p className="alert-text">
          {t('cv.decided', { date: dateTime(decision.decidedAt), level: levelLabel(decision.finalLevel) })}
          {decision.overrideReason && <><br />{t('cv.decidedOverride', { level: levelLabel(decision.recommendedLevel), reason: decision.overrideReason })}</>}
        </p></div></div>
      )}
      <h3>{t('cv.decision')}</h3>
      <ErrorSummary errors={submit.errors} />
      <ProblemAlert state={submit} />
      <form onSubmit={(e) => void decide(e)} noValidate>
        {recommendations.length > 1 && (
          <Radios id="strat-model" legend={t('cv.model')} value={model} onChange={(m) => { setModel(m); setLevel(recommendations.find((r) => r.model === m)?.level ?? level); }} errors={submit.errors}
            options={recommendations.map((r) => ({ value: r.model, label: r.title }))} />
        )}
        <Radios id="strat-level" legend={t('cv.finalLevel')} value={level} onChange={setLevel} errors={submit.errors} options={levels.map((l) => ({ value: l, label: levelLabel(l) }))} />
        {differs && <TextArea id="strat-reason" label={t('cv.overrideReason')} value={reason} onChange={setReason} errors={submit.errors} optional={false} />}
        <button type="submit" className="button button-secondary" disabled={submit.busy}>{t('cv.decide')}</button>
      </form>
    </section>
  );
}
