import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { tenantRead } from '../http/context.ts';
import { errorResponses } from '../shared/schemas.ts';
import { cascadeSteps, stepLabels } from './cascade-steps.ts';
import { disclosureFor, thresholdFrom } from './disclosure.ts';
import { buildDropoutReasons } from './dropout-reasons.ts';
import { buildEffects } from './effect-by-group.ts';
import { effectMeasures, effectTimePoints, timePointLabels } from './effect-measures.ts';
import { buildCascade } from './equity-cascade.ts';
import { equityContext } from './equity-context.ts';
import { DimensionQuery, DropoutQuery, DropoutReasonsOut, EffectsOut, EffectsQuery, WaitingTimesOut } from './equity-detail-schemas.ts';
import { equityDimensionKeys, equityDimensions, groupLabel, referenceOf, unknownValues } from './equity-dimensions.ts';
import { filterColumns } from './equity-filters.ts';
import { cascadeCounts, completerMeasures, dropoutCounts, waitingTimes } from './equity-queries.ts';
import { CascadeOut, CascadeQuery } from './equity-schemas.ts';
import { buildWaitingTimes } from './waiting-times.ts';

const tags = ['equity'];

/**
 * The equity dashboard's API: every figure read from pathway_fact in a tenant transaction, with
 * small-cell suppression for roles without access to the records (LIGEVEJ_SMALL_CELL_THRESHOLD,
 * default 5).
 */
export function equityRoutes(app: Router, deps: Deps): void {
  const threshold = thresholdFrom(process.env.LIGEVEJ_SMALL_CELL_THRESHOLD);
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/equity/dimensions', {
    config: { policy: 'statistics.read' },
    schema: {
      tags, summary: 'What the equity figures can be broken down and filtered by: dimensions with their groups, the pathway steps, the filters and the effect measures',
      response: {
        200: z.object({
          dimensions: z.array(z.object({ key: z.string(), label: z.string(), ordered: z.boolean(), reference: z.string().nullable(), groups: z.array(z.object({ value: z.string(), label: z.string(), known: z.boolean() })) })),
          steps: z.array(z.object({ key: z.string(), label: z.string() })),
          filters: z.array(z.string()), effectMeasures: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string() })),
          effectTimePoints: z.array(z.object({ key: z.string(), label: z.string() })),
        }),
        ...errorResponses,
      },
    },
  }, (req) => ({
    dimensions: equityDimensionKeys.map((key) => {
      const d = equityDimensions[key];
      return {
        key, label: d.label[req.lang], ordered: d.ordered, reference: referenceOf(d),
        groups: [...d.values, ...unknownValues].map((value) => ({ value, label: groupLabel(d, value, req.lang), known: !unknownValues.includes(value) })),
      };
    }),
    steps: cascadeSteps.map((key) => ({ key, label: stepLabels[key][req.lang] })),
    filters: Object.keys(filterColumns),
    effectMeasures: Object.entries(effectMeasures).map(([key, m]) => ({ key, label: m.label[req.lang], unit: m.unit[req.lang] })),
    effectTimePoints: effectTimePoints.map((key) => ({ key, label: timePointLabels[key][req.lang] })),
  }));

  app.get('/api/equity/cascade', {
    config: { policy: 'statistics.read' },
    schema: {
      tags, summary: 'The equity cascade: counts at each step of the pathway by social group, rates with CIs, gaps to the reference group and the summary measures (D, R, SII, RII, ACI, RCI, PAR, PAF, BGV, MDM, MDB, IDis, IDisW, Theil, MLD), and the share with unknown social position',
      querystring: CascadeQuery, response: { 200: CascadeOut, ...errorResponses },
    },
  }, async (req, reply) => {
    reply.headers(noStore);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => buildCascade(
      { ...equityContext(q, q.dimension, req.lang), base: q.base }, equityDimensions[q.dimension],
      await cascadeCounts(tx, q, equityDimensions[q.dimension]), disclosureFor(actor, threshold), req.lang));
  });

  app.get('/api/equity/waiting-times', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'Days from referral to first contact and to start: median and quartiles by social group', querystring: DimensionQuery, response: { 200: WaitingTimesOut, ...errorResponses } },
  }, async (req, reply) => {
    reply.headers(noStore);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => buildWaitingTimes(
      equityContext(q, q.dimension, req.lang), equityDimensions[q.dimension], await waitingTimes(tx, q, equityDimensions[q.dimension]), disclosureFor(actor, threshold), req.lang));
  });

  app.get('/api/equity/dropout-reasons', {
    config: { policy: 'statistics.read' },
    schema: { tags, summary: 'Why citizens dropped out (KL cancellation reasons) by social group', querystring: DropoutQuery, response: { 200: DropoutReasonsOut, ...errorResponses } },
  }, async (req, reply) => {
    reply.headers(noStore);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => buildDropoutReasons(
      { ...equityContext(q, q.dimension, req.lang), phase: q.phase }, equityDimensions[q.dimension],
      await dropoutCounts(tx, q, equityDimensions[q.dimension], q.phase), disclosureFor(actor, threshold), req.lang));
  });

  app.get('/api/equity/effects', {
    config: { policy: 'statistics.read' },
    schema: {
      tags, summary: 'Effect by social group: start vs end (completers) or start vs follow-up (followed-up completers) for WHO-5, self-rated health, weight, BMI, waist, blood pressure, HbA1c, physical activity and smoking; paired differences with CIs and the share with an important improvement',
      querystring: EffectsQuery, response: { 200: EffectsOut, ...errorResponses },
    },
  }, async (req, reply) => {
    reply.headers(noStore);
    const q = req.query;
    return tenantRead(deps, req, async (tx, actor) => buildEffects(
      { ...equityContext(q, q.dimension, req.lang), timePoint: q.timePoint }, equityDimensions[q.dimension],
      await completerMeasures(tx, q, equityDimensions[q.dimension], q.timePoint), disclosureFor(actor, threshold), req.lang, q.measure ? [q.measure] : undefined));
  });
}
