import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import type { Router } from '../http/routes.ts';
import { careRoles, everyRole } from '../auth/roles.ts';
import { tenantRead, tenantWrite } from '../http/context.ts';
import { AppError } from '../shared/errors.ts';
import { errorResponses } from '../shared/schemas.ts';

export const organizationKinds = ['gp', 'hospital_department', 'specialist', 'jobcentre', 'social_services', 'home_care', 'other_municipality', 'own_unit', 'other'] as const;

const OrganizationCreate = z.strictObject({
  idSystem: z.enum(['sor', 'fk-org']).describe('SOR code (urn:oid:1.2.208.176.1.1) or FK-ORG (KOMBIT organisation UUID)'),
  idValue: z.string().trim(),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(organizationKinds),
}).superRefine((o, ctx) => {
  const ok = o.idSystem === 'sor' ? /^[0-9]{6,18}$/.test(o.idValue) : z.uuid().safeParse(o.idValue).success;
  if (!ok) ctx.addIssue({ code: 'custom', path: ['idValue'], params: { rule: 'organization.id' }, message: 'organization.id' });
});
const OrganizationQuery = z.object({
  kind: z.enum(organizationKinds).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name, or the beginning of the SOR code or FK-ORG id'),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('At most this many (default 20 with q, 1000 without)'),
});
const OrganizationOut = z.object({ id: z.uuid(), idSystem: z.string(), idValue: z.string(), name: z.string(), kind: z.string(), active: z.boolean(), version: z.number() });
type Row = { id: string; id_system: string; id_value: string; name: string; kind: string; active: boolean; version: number };
const out = (r: Row) => ({ id: r.id, idSystem: r.id_system, idValue: r.id_value, name: r.name, kind: r.kind, active: r.active, version: r.version });

export function organizationRoutes(app: Router, deps: Deps): void {
  app.post('/api/organizations', {
    config: { policy: 'citizen.write', access: careRoles },
    schema: { tags: ['organizations'], summary: 'Register a referring or performing organisation (GP, hospital department, jobcentre, own unit …)', body: OrganizationCreate, response: { 201: OrganizationOut, ...errorResponses } },
  }, (req, reply) => tenantWrite(deps, req, reply, 201, async (tx, actor) => {
    const existing = await tx.query('SELECT 1 FROM organization WHERE id_system = $1 AND id_value = $2', [req.body.idSystem, req.body.idValue]);
    if (existing.rows.length) throw new AppError('duplicate', 'error.duplicate', { resource: 'Organisation' }, [{ path: 'idValue', rule: 'duplicate' }]);
    return out((await tx.query<Row>(
      'INSERT INTO organization (municipality_id, id_system, id_value, name, kind) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [actor.municipalityId, req.body.idSystem, req.body.idValue, req.body.name, req.body.kind])).rows[0]!);
  }));

  app.get('/api/organizations', {
    config: { policy: 'reference.read', access: everyRole },
    schema: {
      tags: ['organizations'],
      summary: 'Organisations known to the municipality; with q, those whose name contains it or whose SOR/FK-ORG id begins with it (exact id first, then names beginning with it)',
      querystring: OrganizationQuery, response: { 200: z.object({ organizations: z.array(OrganizationOut) }), ...errorResponses },
    },
  }, (req) => tenantRead(deps, req, async (tx) => {
    const { kind, q, limit } = req.query;
    const pattern = q ? likeEscape(q.toLowerCase()) : null;
    return {
      organizations: (await tx.query<Row>(
        `SELECT * FROM organization
          WHERE ($1::text IS NULL OR kind = $1)
            AND ($2::text IS NULL OR lower(name) LIKE '%' || $2 || '%' ESCAPE '\\' OR lower(id_value) LIKE $2 || '%' ESCAPE '\\')
          ORDER BY ($2::text IS NOT NULL AND lower(id_value) = $3) DESC, ($2::text IS NOT NULL AND lower(name) LIKE $2 || '%' ESCAPE '\\') DESC, name, id
          LIMIT $4`, [kind ?? null, pattern, q?.toLowerCase() ?? null, limit ?? (q ? 20 : 1000)])).rows.map(out),
    };
  }));
}

/** A search text taken literally by LIKE: its own % and _ are not wildcards. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
