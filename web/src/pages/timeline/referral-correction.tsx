import type { Referral } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmEnteredInError, OutcomeAlert, useEnteredInError } from './entered-in-error.tsx';

/**
 * Marks a whole referral (with its pathway and interventions) entered in error, when the course
 * allows it: after a confirmation, with the referral version the page read.
 */
export function ReferralCorrection({ referral, onChanged }: { referral: Referral; onChanged(): Promise<unknown> }) {
  const { t, date } = useI18n();
  const eie = useEnteredInError(onChanged, t('eie.referralConflict'));
  const what = t('eie.referralWhat', { date: date(referral.receivedAt) });
  const allowed = referral.allowedNextSteps.includes('mark_entered_in_error');
  if (!allowed && !eie.outcome) return null;
  return (
    <div className="referral-correction">
      <OutcomeAlert outcome={eie.outcome} />
      {allowed && (eie.confirming === referral.id
        ? <ConfirmEnteredInError id={referral.id} question={t('eie.confirmTitle', { what })} text={t('eie.referralText')} busy={eie.busy}
            onConfirm={() => void eie.mark(`/api/referrals/${referral.id}/entered-in-error`, referral.version, what)} onCancel={eie.cancel} />
        : <p><button type="button" className="button button-tertiary" onClick={() => eie.ask(referral.id)}>{t('eie.referral')}</button></p>)}
    </div>
  );
}
