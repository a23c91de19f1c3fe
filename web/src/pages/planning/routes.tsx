import type { ReactNode } from 'react';
import type { MessageKey } from '../../messages.ts';
import { match } from '../../router.tsx';
import { OffersPage } from './offers.tsx';
import { OfferEditPage } from './offer-edit.tsx';
import { AssociationEditPage, AssociationOfferEditPage } from './association-edit.tsx';
import { NewTeamPage } from './new-team.tsx';
import { CallListPage } from './call-list.tsx';
import { MatchingPage, MatchingStartPage } from './matching.tsx';
import { AssociationRegistryPage } from './association-registry.tsx';
import { BridgesPage, CitizenBridgesPage } from './bridges.tsx';
import { CampaignPage, CampaignsPage } from './campaigns.tsx';

/** The issue-5 entries of the main menu. */
export const planningMenu: { href: string; key: MessageKey; active(path: string): boolean; permission: string }[] = [
  { href: '/tilbud', key: 'nav.offers', active: (p) => p.startsWith('/tilbud'), permission: 'offer.read' },
  { href: '/fremmoede', key: 'nav.calls', active: (p) => p.startsWith('/fremmoede'), permission: 'team.read' },
  { href: '/matchning', key: 'nav.matching', active: (p) => p.startsWith('/matchning') || p.endsWith('/matchning'), permission: 'citizen.read' },
  { href: '/foreningsregister', key: 'nav.associations', active: (p) => p.startsWith('/foreningsregister'), permission: 'association.read' },
  { href: '/brobygning', key: 'nav.bridges', active: (p) => p.startsWith('/brobygning') || p.endsWith('/brobygning'), permission: 'bridge.read' },
  { href: '/kampagner', key: 'nav.campaigns', active: (p) => p.startsWith('/kampagner'), permission: 'citizen.read' },
];

/** The public association page needs no login. */
export const isPublicPath = (path: string): boolean => path === '/foreninger';

export function PlanningRoutes({ path, fallback }: { path: string; fallback: ReactNode }) {
  let m: Record<string, string> | null;
  if (path === '/tilbud') return <OffersPage />;
  if ((m = match('/tilbud/:offerId', path))) return <OfferEditPage offerId={m.offerId!} />;
  if (path === '/hold/nyt') return <NewTeamPage />;
  if (path === '/fremmoede') return <CallListPage />;
  if (path === '/matchning') return <MatchingStartPage />;
  if ((m = match('/borger/:citizenId/matchning', path))) return <MatchingPage citizenId={m.citizenId!} />;
  if (path === '/foreningsregister') return <AssociationRegistryPage />;
  if ((m = match('/foreningsregister/tilbud/:offerId', path))) return <AssociationOfferEditPage offerId={m.offerId!} />;
  if ((m = match('/foreningsregister/:associationId', path))) return <AssociationEditPage associationId={m.associationId!} />;
  if (path === '/brobygning') return <BridgesPage />;
  if ((m = match('/borger/:citizenId/brobygning', path))) return <CitizenBridgesPage citizenId={m.citizenId!} />;
  if (path === '/kampagner') return <CampaignsPage />;
  if ((m = match('/kampagner/:campaignId', path))) return <CampaignPage campaignId={m.campaignId!} />;
  return <>{fallback}</>;
}
