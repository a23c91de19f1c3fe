import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantRead } from '../http/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { allows } from '../auth/permissions.ts';
import { errorResponses } from '../shared/schemas.ts';
import { disclosureFor, thresholdFrom } from './disclosure.ts';
import { buildDrillDown } from './drill-down.ts';
import { citizenNames, drillFacts, teamChoices } from './drill-down-queries.ts';
import { DrillDownOut, DrillDownQuery, TeamChoicesOut } from './drill-down-schemas.ts';
import { equityContext } from './equity-context.ts';
import { equityDimensions } from './equity-dimensions.ts';
import { cascadeCounts } from './equity-queries.ts';
import { pseudonymSecret } from './pseudonym.ts';

const tags = ['equity'];

/**
 * From a cascade cell to the referrals behind it (issue 6 §6): named for roles that may read the
 * records (each row audit-logged as a read), pseudonymised for everyone else (one audit row for the
 * list), refused for a cell the dashboard hides. And the team choices for the dashboard's filter.
 */
export function drillDownRoutes(app: Router, deps: Deps): void {
  const threshold = thresholdFrom(process.env.LIGEVEJ_SMALL_CELL_THRESHOLD);

  app.get('/api/equity/drill-down', {
    config: { policy: 'statistics.read' },
    schema: {
      tags, summary: 'The referrals behind one cascade cell (step × group, under the period and filters): names and links for roles with access to the records (each row audit-logged), otherwise a stable pseudonym, age band, sex, months of the steps reached, drop-out reason and waiting days only; a cell hidden by small-cell suppression is refused (403)',
      querystring: DrillDownQuery, response: { 200: DrillDownOut, ...errorResponses },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const q = req.query;
    const dimension = equityDimensions[q.dimension];
    return tenantRead(deps, req, async (tx, actor) => {
      const named = allows(actor, 'citizen.read');
      const facts = await drillFacts(tx, q, dimension, q.group, q.step);
      const out = buildDrillDown(equityContext(q, q.dimension, req.lang), dimension, { group: q.group, step: q.step },
        await cascadeCounts(tx, q, dimension), facts, named ? await citizenNames(tx, facts.map((f) => f.citizenId)) : null,
        disclosureFor(actor, threshold), pseudonymSecret(deps.config.cprLookupKey, actor.municipalityId), req.lang);
      const cell = { dimension: q.dimension, group: q.group, step: q.step };
      await appendAudit(tx, actor, deps.clock(), out.view === 'named'
        ? out.rows.map((r) => ({ action: 'read' as const, resourceType: 'Referral', resourceId: r.person!.referralId, citizenId: r.person!.citizenId, purpose: 'quality' as const, detail: { via: 'equity_drill_down', ...cell } }))
        : [{ action: 'read', resourceType: 'EquityDrillDown', purpose: 'quality', detail: { ...cell, rows: out.rows.length, pseudonymised: true } }]);
      return out;
    });
  });

  app.get('/api/equity/teams', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'Teams to filter the equity figures by: name, offer, place and start date only (no participants)', response: { 200: TeamChoicesOut, ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({ teams: await teamChoices(tx) })));
}
