import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantRead } from '../http/context.ts';
import { disclosureFor } from './disclosure.ts';
import { EquityFilterQuery } from './equity-filters.ts';
import { DimensionKey } from './equity-schemas.ts';
import { reportData, reportThreshold } from './report-data.ts';
import { renderReportPdf } from './report-pdf.ts';

export const ReportQuery = EquityFilterQuery.omit({ from: true, to: true }).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('The calendar year (referrals received 1 January to 31 December); last year when left out'),
  dimension: DimensionKey.default('education'),
});

/** The annual equity report as a PDF in Danish: every figure of the dashboard for one year, the method and the suppression applied. */
export function reportRoutes(app: Router, deps: Deps): void {
  const threshold = reportThreshold();
  app.get('/api/equity/report.pdf', {
    config: { policy: 'statistics.read' },
    schema: {
      tags: ['equity'], summary: 'Annual report (PDF, Danish): the cascade, gaps with CIs, summary measures, drop-out reasons, waiting times, effects and quality indicators for one calendar year, with method notes and small-cell suppression for roles without record access',
      querystring: ReportQuery,
    },
  }, async (req, reply) => {
    const { year = deps.clock().getFullYear() - 1, dimension, ...filters } = req.query;
    const filter = { ...filters, from: `${year}-01-01`, to: `${year}-12-31` };
    const data = await tenantRead(deps, req, (tx, actor) => reportData(tx, actor.municipalityId, filter, dimension, year, disclosureFor(actor, threshold)));
    const pdf = await renderReportPdf(data, deps.clock());
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="ligevej-aarsrapport-${year}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });
}
