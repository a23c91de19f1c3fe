import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

/** From the citizen page to matching (for the course shown) and bridge-building, both already for this citizen. */
export function CitizenPlanningLinks({ citizenId, referralId }: { citizenId: string; referralId: string | null }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('citizen.planning')}>
      <ul className="nobullet-list button-list">
        <li><Link className="button button-secondary" href={`/borger/${citizenId}/matchning${referralId ? `?forloeb=${referralId}` : ''}`}>{t('citizen.findOffers')}</Link></li>
        <li><Link className="button button-secondary" href={`/borger/${citizenId}/brobygning`}>{t('citizen.bridges')}</Link></li>
      </ul>
    </nav>
  );
}
