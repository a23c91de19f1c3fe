import { api } from '../../api.ts';
import { useCodes } from '../../codes.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../messages.ts';
import { Link } from '../../router.tsx';
import { Loaded, useLoad, usePageTitle } from '../../ui/load.tsx';
import { CourseSteps } from '../../ui/steps.tsx';
import { stepHref } from '../front.tsx';
import { LinksPanel } from './links-panel.tsx';
import { LiteracyForm } from './literacy-form.tsx';
import { MeasurementForm } from './measurement-form.tsx';
import { StratificationPanel } from './stratification-panel.tsx';
import type { Conversation } from './types.ts';
import { Wheel, WheelTable } from './wheel.tsx';
import './conversation.css';

/** Where the conversation view lives: under the course, beside its steps. */
export const conversationHref = (citizenId: string, referralId: string) => `/borger/${citizenId}/forloeb/${referralId}/samtalevisning`;

/**
 * The clarifying conversation on one screen: the conversation wheel and its table, findings, goals,
 * measurements, health literacy, the recommended level with reasons and the decision, personal links.
 */
export function ConversationPage({ citizenId, referralId }: { citizenId: string; referralId: string }) {
  const { t } = useI18n();
  usePageTitle(t('cv.title'));
  const state = useLoad(() => api.get<Conversation>(`/api/referrals/${referralId}/conversation`), [referralId]);
  return (
    <>
      <p><Link href={`/borger/${citizenId}?forloeb=${referralId}`}>{t('cv.back')}</Link></p>
      <h1 tabIndex={-1}>{t('cv.title')}</h1>
      <Loaded state={state}>{(c) => <ConversationBody c={c} reload={state.reload} />}</Loaded>
    </>
  );
}

function ConversationBody({ c, reload }: { c: Conversation; reload(): Promise<unknown> }) {
  const { t, date, dateTime } = useI18n();
  const codes = useCodes();
  const canHold = c.referral.allowedNextSteps.includes('hold_clarifying_conversation');
  return (
    <>
      <p className="lead">{t('cv.lead', { name: c.citizen.name, age: c.citizen.age })}</p>
      <CourseSteps stage={c.referral.stage} />
      <div className="conversation-grid">
        <section aria-labelledby="wheel-heading">
          <h2 id="wheel-heading">{t('cv.wheel')}</h2>
          <Wheel domains={c.wheel} />
        </section>
        <section aria-labelledby="flags-heading">
          <h2 id="flags-heading">{t('cv.flags')}</h2>
          {c.flags.length === 0 ? <p>{t('cv.noFlags')}</p> : (
            <ul className="nobullet-list flag-list">{c.flags.map((f) => (
              <li key={`${f.domain}-${f.code}`} className={`flag flag-${f.severity}`}><strong>{t(`wheel.${f.severity}` as MessageKey)}:</strong> {f.message}</li>
            ))}</ul>
          )}
          <h2>{t('cv.goals')}</h2>
          {c.goals.important || c.goals.goals.length ? (
            <dl className="compact-dl">
              {c.goals.important && <><dt>{t('cv.important')}</dt><dd>{c.goals.important}</dd></>}
              {c.goals.goals.length > 0 && <><dt>{t('cv.goalList')}</dt><dd><ul>{c.goals.goals.map((g) => <li key={g}>{g}</li>)}</ul></dd></>}
              {c.goals.readiness && <><dt>{t('cv.readiness')}</dt><dd>{t(`readiness.${c.goals.readiness}` as MessageKey)}</dd></>}
              {c.goals.barriers && <><dt>{t('cv.barriers')}</dt><dd>{c.goals.barriers}</dd></>}
            </dl>
          ) : <p>{t('cv.noGoals')}</p>}
        </section>
      </div>
      <WheelTable domains={c.wheel} />
      {c.responses.length > 0 && (
        <p className="meta">{t('cv.responses')}: {c.responses.map((r) => `${t(`timePoint.${r.timePoint}` as MessageKey)}, ${t(`mode.${r.mode}` as MessageKey)}, ${dateTime(r.completedAt)} (${r.language})`).join('; ')}</p>
      )}
      {c.socialPosition.length > 0 && (
        <>
          <h2>{t('cv.socialPosition')}</h2>
          <dl className="compact-dl">{c.socialPosition.map((s) => <div key={s.item}><dt>{t(`sp.${s.item}` as MessageKey)}</dt><dd>{s.label}</dd></div>)}</dl>
        </>
      )}
      <section className="form-section" aria-labelledby="measurements-heading">
        <h2 id="measurements-heading">{t('cv.measurements')}</h2>
        <MeasurementForm referralId={c.referral.id} onSaved={reload} />
      </section>
      <LiteracyForm referralId={c.referral.id} current={c.healthLiteracy} onSaved={reload} />
      <StratificationPanel key={c.stratification.decision?.id ?? 'none'} referralId={c.referral.id} stratification={c.stratification} onSaved={reload} />
      <section className="form-section" aria-labelledby="conditions-heading">
        <h2 id="conditions-heading">{t('cv.conditions')}</h2>
        {c.conditions.length === 0 ? <p>{t('cv.noConditions')}</p> : (
          <ul>{c.conditions.map((x) => <li key={x.id}>{codes.display(x.code)} ({date(x.recordedOn)})</li>)}</ul>
        )}
        {canHold && (
          <>
            <p>{t('cv.continueHint')}</p>
            <p><Link className="button button-primary" href={stepHref(c.citizen.id, c.referral.id, 'hold_clarifying_conversation')}>{t('cv.continue')}</Link></p>
          </>
        )}
      </section>
      <LinksPanel referralId={c.referral.id} links={c.links} onChange={reload} />
    </>
  );
}
