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
    schema: { tags: ['organizations'], summary: 'Organisations known to the municipality', querystring: z.object({ kind: z.enum(organizationKinds).optional() }), response: { 200: z.object({ organizations: z.array(OrganizationOut) }), ...errorResponses } },
  }, (req) => tenantRead(deps, req, async (tx) => ({
    organizations: (await tx.query<Row>('SELECT * FROM organization WHERE ($1::text IS NULL OR kind = $1) ORDER BY name LIMIT 1000', [req.query.kind ?? null])).rows.map(out),
  })));
}
