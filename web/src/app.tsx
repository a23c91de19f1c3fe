import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, setUnauthenticatedHandler, type Codes, type Me } from './api.ts';
import { CodesProvider } from './codes.tsx';
import { useI18n } from './i18n.tsx';
import type { MessageKey } from './messages.ts';
import { Link, match, navigate, useLocation } from './router.tsx';
import { Loading } from './ui/form.tsx';
import { LoginPage } from './pages/login.tsx';
import { FrontPage } from './pages/front.tsx';
import { SearchPage } from './pages/search.tsx';
import { NewReferralPage } from './pages/new-referral.tsx';
import { CitizenPage } from './pages/citizen.tsx';
import { StepPage } from './pages/step-page.tsx';
import { TeamsPage, TeamPage } from './pages/teams.tsx';
import { RollCallPage } from './pages/roll-call.tsx';
import { PlanningRoutes, planningMenu, isPublicPath } from './pages/planning/routes.tsx';
import { PublicAssociationsPage } from './pages/planning/associations-public.tsx';
import { ConversationPage } from './pages/conversation/conversation-page.tsx';
import { UnansweredPage } from './pages/conversation/unanswered-page.tsx';
import { KlGatewayPage } from './pages/reporting/kl-gateway-page.tsx';
import { securityMenu, securityPage } from './pages/security/routes.tsx';
import { TotpEnrolPage } from './pages/security/totp-enrol.tsx';
import { JobsPage } from './pages/jobs/jobs-page.tsx';

/** The equity dashboard is its own chunk, loaded when opened (it is most of the charts and texts). */
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page.tsx'));
const dashboardRoles = ['manager', 'coordinator', 'admin'];

const menu: { href: string; key: MessageKey; active(path: string): boolean; roles?: string[]; permission?: string }[] = [
  { href: '/', key: 'nav.front', active: (p) => p === '/', permission: 'citizen.read' },
  { href: '/find-borger', key: 'nav.search', active: (p) => p.startsWith('/find-borger') || p.startsWith('/borger/'), permission: 'citizen.read' },
  { href: '/ny-henvisning', key: 'nav.newReferral', active: (p) => p.startsWith('/ny-henvisning'), permission: 'citizen.write' },
  { href: '/hold', key: 'nav.teams', active: (p) => p.startsWith('/hold'), permission: 'team.read' },
  ...planningMenu,
  { href: '/ubesvarede', key: 'nav.unanswered', active: (p) => p.startsWith('/ubesvarede'), permission: 'citizen.read' },
  { href: '/kl-gateway', key: 'nav.klGateway', active: (p) => p.startsWith('/kl-gateway') },
  { href: '/lighed', key: 'nav.dashboard', active: (p) => p.startsWith('/lighed'), roles: dashboardRoles },
  { href: '/planlagte-koersler', key: 'nav.jobs', active: (p) => p.startsWith('/planlagte-koersler'), roles: ['coordinator', 'admin'] },
];

export function App() {
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [codes, setCodes] = useState<Codes | null>(null);

  const loadMe = useCallback(async () => {
    try {
      const who = await api.get<Me>('/api/auth/me');
      // A session that owes two-factor enrolment may do nothing else yet.
      if (who.mfaEnrolmentRequired) { setMe(who); return; }
      setCodes(await api.get<Codes>('/api/codes'));
      setMe(who);
    } catch {
      setMe(null);
    }
  }, []);
  useEffect(() => { setUnauthenticatedHandler(() => setMe(null)); void loadMe(); }, [loadMe]);

  const logout = async () => {
    try { await api.post('/api/auth/logout', undefined); } finally {
      setMe(null);
      navigate('/', { replace: true });
    }
  };

  const header = (
    <header className="header">
      <a className="skipnav" href="#main-content">{t('app.skip')}</a>
      <div className="portal-info">
        <div className="portal-info-inner container">
          <Link href="/" className="app-logo">{t('app.name')}</Link>
          <div className="portal-user">
            <button type="button" className="function-link language-toggle" lang={lang === 'da' ? 'en' : 'da'} aria-label={t('app.switchLanguageLabel')}
              onClick={() => setLang(lang === 'da' ? 'en' : 'da')}>{t('app.switchLanguage')}</button>
            {me && <p className="user">{me.displayName}, {t(`role.${me.role}` as MessageKey)}</p>}
            {me && <button type="button" className="function-link log-off" onClick={() => void logout()}>{t('app.logout')}</button>}
          </div>
        </div>
      </div>
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading"><Link href="/">{t('app.name')} – {t('app.tagline')}</Link></div>
        </div>
      </div>
      {me && (
        <div className="navigation-menu">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label={t('app.mainMenu')}>
              <ul className="mainmenu">
                {menu.filter((m) => (!m.roles || m.roles.includes(me.role)) && (!m.permission || me.permissions.includes(m.permission))).map((m) => (
                  <li key={m.href} className={m.active(path) ? 'active current' : undefined}>
                    <Link href={m.href} className="nav-link" aria-current={m.active(path) ? 'page' : undefined}><span>{t(m.key)}</span></Link>
                  </li>
                ))}
                {securityMenu(me.role).map((m) => (
                  <li key={m.href} className={m.active(path) ? 'active current' : undefined}>
                    <Link href={m.href} className="nav-link" aria-current={m.active(path) ? 'page' : undefined}><span>{m.label[lang]}</span></Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      )}
    </header>
  );

  let page;
  if (isPublicPath(path)) page = <PublicAssociationsPage />;
  else if (me === undefined) page = <Loading />;
  else if (me?.mfaEnrolmentRequired) page = <TotpEnrolPage onDone={() => void loadMe()} />;
  else if (me === null || !codes) page = <LoginPage onLogin={() => void loadMe()} />;
  else page = <CodesProvider codes={codes}><Routes path={path} me={me} /></CodesProvider>;

  return (
    <>
      {header}
      <main id="main-content" className="container page" tabIndex={-1}>{page}</main>
    </>
  );
}

/**
 * Roles without access to citizens' records (manager, bridge-builder) have no worklists: their front
 * page is where their work is — the equity dashboard or the bridge-building list.
 */
const homeOf = (me: Me): string =>
  me.permissions.includes('statistics.read') && dashboardRoles.includes(me.role) ? '/lighed' : me.permissions.includes('bridge.read') ? '/brobygning' : '/tilbud';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

function Routes({ path, me }: { path: string; me: Me }) {
  const { t } = useI18n();
  let m: Record<string, string> | null;
  if (path === '/') return me.permissions.includes('citizen.read') ? <FrontPage me={me} /> : <Redirect to={homeOf(me)} />;
  if (path === '/find-borger') return <SearchPage />;
  if (path === '/ny-henvisning') return <NewReferralPage />;
  if (path === '/hold') return <TeamsPage />;
  if (path === '/hold/nyt') return <PlanningRoutes path={path} fallback={null} />;
  if ((m = match('/hold/:teamId', path))) return <TeamPage teamId={m.teamId!} />;
  if ((m = match('/hold/:teamId/moedegang/:sessionId', path))) return <RollCallPage teamId={m.teamId!} sessionId={m.sessionId!} />;
  if ((m = match('/borger/:citizenId', path))) return <CitizenPage citizenId={m.citizenId!} />;
  if (path === '/ubesvarede') return <UnansweredPage />;
  if (path === '/kl-gateway') return <KlGatewayPage me={me} />;
  if (path === '/planlagte-koersler') return <JobsPage />;
  if (path === '/lighed') return <Suspense fallback={<Loading />}><DashboardPage /></Suspense>;
  if ((m = match('/borger/:citizenId/forloeb/:referralId/samtalevisning', path))) return <ConversationPage citizenId={m.citizenId!} referralId={m.referralId!} />;
  if ((m = match('/borger/:citizenId/forloeb/:referralId/:step', path))) return <StepPage me={me} citizenId={m.citizenId!} referralId={m.referralId!} step={m.step!} />;
  if ((m = match('/borger/:citizenId/forloeb/:referralId/indsats/:interventionId', path))) {
    return <StepPage me={me} citizenId={m.citizenId!} referralId={m.referralId!} step="afslut-indsats" interventionId={m.interventionId!} />;
  }
  const security = securityPage(path);
  if (security) return security;
  return <PlanningRoutes path={path} fallback={<h1 tabIndex={-1}>{t('error.notFound')}</h1>} />;
}
