import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { everyRole } from '../auth/roles.ts';
import { errorResponses } from '../shared/schemas.ts';
import { conceptsOf, type ValueSetName } from '../domain/terminology.ts';
import { measures } from '../domain/measures.ts';
import { searchDiagnoses } from './diagnosis-codes.ts';

/** The code lists the staff forms choose from (codes and Danish displays only, no definitions). */
const formValueSets = ['referralSources', 'interventions119', 'deliveryTypes', 'cancellationReasons', 'conditions119'] as const satisfies readonly ValueSetName[];

const Concept = z.object({ code: z.string(), display: z.string(), group: z.string().optional() });
const Codes = z.object({
  valueSets: z.record(z.enum(formValueSets), z.array(Concept)),
  measures: z.array(z.object({ measure: z.string(), unit: z.string(), min: z.number(), max: z.number() })),
});

export function codeRoutes(app: Router, _deps: Deps): void {
  app.get('/api/codes', {
    config: { policy: 'reference.read', access: everyRole },
    schema: { tags: ['codes'], summary: 'FSIII/KL code lists for the staff forms, and the measures with units and plausible ranges', response: { 200: Codes, ...errorResponses } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'private, max-age=3600');
    return {
      valueSets: Object.fromEntries(formValueSets.map((vs) => [vs, conceptsOf(vs).map((c) => ({ code: c.code, display: c.display, ...(c.group ? { group: c.group } : {}) }))])) as Record<(typeof formValueSets)[number], z.infer<typeof Concept>[]>,
      measures: Object.entries(measures).map(([measure, m]) => ({ measure, unit: m.unit, min: m.min, max: m.max })),
    };
  });

  app.get('/api/codes/diagnoses', {
    config: { policy: 'reference.read', access: everyRole },
    schema: {
      tags: ['codes'], summary: 'Search the common referral diagnoses (SKS and ICPC2) by code or text',
      querystring: z.object({ q: z.string().trim().min(1).max(100) }),
      response: { 200: z.object({ diagnoses: z.array(z.object({ system: z.enum(['SKS', 'ICPC2']), code: z.string(), display: z.string() })) }), ...errorResponses },
    },
  }, async (req) => ({ diagnoses: searchDiagnoses(req.query.q) }));
}
