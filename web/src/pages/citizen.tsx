import { api, type Citizen, type Course, type Referral, type TimelineItem } from '../api.ts';
import { useCodes } from '../codes.tsx';
import { useI18n, type Translate } from '../i18n.tsx';
import type { MessageKey } from '../messages.ts';
import { Link, useLocation } from '../router.tsx';
import { AccessLogLink } from './security/access-log-link.tsx';
import { CitizenPlanningLinks } from './planning/citizen-links.tsx';
import { Alert, TableScroll } from '../ui/form.tsx';
import { Loaded, useLoad, usePageTitle } from '../ui/load.tsx';
import { CourseTimeline } from './timeline/course-timeline.tsx';
import { ReferralCorrection } from './timeline/referral-correction.tsx';
import { CourseSteps } from '../ui/steps.tsx';
import { socialPositionItems, valueLabel, type SocialPositionItem } from '../../../src/domain/social-position.ts';
import { stepHref } from './front.tsx';
import { conversationHref } from './conversation/conversation-page.tsx';

/** Steps a user takes from the citizen page, in the order the course usually needs them. */
const primarySteps = ['record_contact', 'hold_clarifying_conversation', 'grant_pathway', 'start_pathway', 'end_pathway', 'follow_up'];
const openStages = ['received', 'contacted', 'clarified', 'planned', 'active', 'ended', 'followed_up'];
const endedStatuses = ['completed', 'cancelled', 'stopped', 'entered-in-error'];

export function CitizenPage({ citizenId }: { citizenId: string }) {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const chosenId = query.get('forloeb');
  const saved = query.get('gemt');
  const state = useLoad(async () => {
    const [citizen, referrals] = await Promise.all([
      api.get<Citizen>(`/api/citizens/${citizenId}`),
      api.get<{ referrals: Referral[] }>(`/api/referrals?citizenId=${citizenId}&limit=50`),
    ]);
    const sorted = [...referrals.referrals].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    const referral = sorted.find((r) => r.id === chosenId) ?? sorted[0] ?? null;
    const [course, timeline] = referral ? await Promise.all([
      api.get<Course>(`/api/referrals/${referral.id}/course`),
      api.get<{ items: TimelineItem[] }>(`/api/referrals/${referral.id}/timeline`),
    ]) : [null, null];
    return { citizen, referrals: sorted, referral, course, items: timeline?.items ?? [] };
  }, [citizenId, chosenId, saved]);
  const title = state.data ? `${state.data.citizen.givenName} ${state.data.citizen.familyName}` : t('app.loading');
  usePageTitle(title);

  return (
    <Loaded state={state}>{({ citizen, referrals, referral, course, items }) => (
      <>
        <h1 tabIndex={-1}>{citizen.givenName} {citizen.familyName}</h1>
        {saved && <Alert variant="success">{t('citizen.saved', { what: savedText(t, saved) })}</Alert>}
        <dl className="facts">
          <div><dt>{t('citizen.cpr')}</dt><dd>{citizen.cpr}</dd></div>
          <div><dt>{t('citizen.birthDate')}</dt><dd>{date(citizen.birthDate)}</dd></div>
          <div><dt>{t('citizen.phone')}</dt><dd>{citizen.phone ?? '–'}</dd></div>
          <div><dt>{t('citizen.address')}</dt><dd>{[citizen.addressLine, [citizen.postalCode, citizen.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd></div>
        </dl>
        <SocialPosition citizen={citizen} />

        <h2>{t('citizen.courses')}</h2>
        {referrals.length > 1 && (
          <ul className="course-list">{referrals.map((r) => (
            <li key={r.id}>{r.id === referral?.id ? <strong aria-current="true">{t('citizen.courseOf', { date: date(r.receivedAt) })} – {t(`stage.${r.stage}` as MessageKey)}</strong>
              : <Link href={`/borger/${citizen.id}?forloeb=${r.id}`}>{t('citizen.courseOf', { date: date(r.receivedAt) })} – {t(`stage.${r.stage}` as MessageKey)}</Link>}</li>
          ))}</ul>
        )}
        {!referral ? <p>{t('citizen.noReferral')}</p> : (
          <section aria-labelledby="course-heading" className="course">
            <h3 id="course-heading">{t('citizen.courseOf', { date: date(referral.receivedAt) })}</h3>
            <p>{t('citizen.state')}: <strong className="stage-now">{t(`stage.${referral.stage}` as MessageKey)}</strong></p>
            <CourseSteps stage={referral.stage} />
            <NextSteps citizenId={citizen.id} referral={referral} />
            {course && course.interventions.length > 0 && <Interventions citizenId={citizen.id} referral={referral} course={course} />}
            <CourseTimeline items={items} onChanged={state.reload} />
            <ReferralCorrection referral={referral} onChanged={state.reload} />
          </section>
        )}
        <p><Link className="button button-secondary" href={`/ny-henvisning?borger=${citizen.id}`}>{t('citizen.newReferral')}</Link></p>
        <CitizenPlanningLinks citizenId={citizen.id} referralId={referral?.id ?? null} />
        <AccessLogLink citizenId={citizen.id} />
      </>
    )}</Loaded>
  );
}

const savedText = (t: Translate, what: string) => (what === 'referral' ? t('referral.saved').replace(/\.$/, '') : t(`step.${what}` as MessageKey));

function SocialPosition({ citizen }: { citizen: Citizen }) {
  const { t, lang, date } = useI18n();
  const items = citizen.socialPosition ?? [];
  const interpreter = items.some((i) => i.item === 'interpreter_needed' && i.value === 'yes');
  return (
    <section aria-labelledby="social-heading">
      <h2 id="social-heading">{t('citizen.social')}</h2>
      {interpreter && <p><span className="tag tag-warning">{t('citizen.barrierInterpreter')}</span></p>}
      {items.length === 0 ? <p>{t('citizen.socialNone')}</p> : (
        <dl className="facts">{items.map((i) => {
          const item = i.item as SocialPositionItem;
          const known = Object.hasOwn(socialPositionItems, item);
          return (
            <div key={i.id}>
              <dt>{known ? socialPositionItems[item].label[lang] : i.item}</dt>
              <dd>{(known ? valueLabel(item, i.value, lang) : undefined) ?? i.value} <span className="meta">({t('citizen.socialSource', { source: t(`source.${i.source}` as MessageKey), date: date(i.recordedOn) })})</span></dd>
            </div>
          );
        })}</dl>
      )}
    </section>
  );
}

/** Only the steps the server says are legal now, plus the records that can be added at this stage. */
function NextSteps({ citizenId, referral }: { citizenId: string; referral: Referral }) {
  const { t } = useI18n();
  const steps = primarySteps.filter((s) => referral.allowedNextSteps.includes(s));
  const others = [
    ...(['received', 'contacted'].includes(referral.stage) ? [{ href: stepHref(citizenId, referral.id, 'book-samtale'), key: 'step.book' as const }] : []),
    ...(['contacted', 'clarified'].includes(referral.stage) ? [{ href: conversationHref(citizenId, referral.id), key: 'cv.open' as const }] : []),
    ...(openStages.includes(referral.stage) ? [{ href: stepHref(citizenId, referral.id, 'maaling'), key: 'step.measurement' as const }] : []),
    ...(referral.allowedNextSteps.includes('close') ? [{ href: stepHref(citizenId, referral.id, 'close'), key: 'step.close' as const }] : []),
  ];
  return (
    <div className="next-steps">
      <h4>{t('citizen.nextSteps')}</h4>
      {steps.length === 0 ? <p>{t('citizen.noSteps')}</p> : (
        <ul className="nobullet-list button-list">{steps.map((s, i) => (
          <li key={s}><Link className={`button ${i === 0 ? 'button-primary' : 'button-secondary'}`} href={stepHref(citizenId, referral.id, s)}>{t(`step.${s}` as MessageKey)}</Link></li>
        ))}</ul>
      )}
      {others.length > 0 && (
        <>
          <h4>{t('citizen.otherActions')}</h4>
          <ul className="nobullet-list button-list">{others.map((o) => <li key={o.key}><Link className="button button-tertiary" href={o.href}>{t(o.key)}</Link></li>)}</ul>
        </>
      )}
    </div>
  );
}

function Interventions({ citizenId, referral, course }: { citizenId: string; referral: Referral; course: Course }) {
  const { t, date } = useI18n();
  const codes = useCodes();
  return (
    <>
      <h4>{t('citizen.interventions')}</h4>
      <TableScroll label={t('citizen.interventions')}>
        <table className="table table--compact">
          <thead><tr><th scope="col">{t('col.intervention')}</th><th scope="col">{t('col.delivery')}</th><th scope="col">{t('col.status')}</th><th scope="col">{t('col.date')}</th><th scope="col">{t('col.action')}</th></tr></thead>
          <tbody>{course.interventions.map((i) => {
            const name = i.fsiiiCode ? codes.display(i.fsiiiCode) : i.localDisplay ?? '';
            return (
              <tr key={i.id}>
                <th scope="row">{name}</th>
                <td>{codes.display(i.deliveryType)}</td>
                <td>{t(`status.${i.status}` as MessageKey)}{i.cancellationReason ? ` – ${codes.display(i.cancellationReason)}` : ''}</td>
                <td>{i.startDate ? date(i.startDate) : '–'}{i.endDate ? ` – ${date(i.endDate)}` : ''}</td>
                <td>{!endedStatuses.includes(i.status) && ['planned', 'active'].includes(referral.stage)
                  ? <Link href={`/borger/${citizenId}/forloeb/${referral.id}/indsats/${i.id}`}>{t('step.endIntervention')}<span className="sr-only"> {name}</span></Link> : '–'}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </TableScroll>
    </>
  );
}
