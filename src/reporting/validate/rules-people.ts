import { DK_CORE_CPR } from '../../domain/cpr.ts';
import { system } from '../profiles.ts';
import { isObject } from './issues.ts';
import { cardinality, field, forbidden, select, str, type Rule } from './select.ts';

/** klgateway-119-citizen: the CPR number as the only identifier, deceased flag, managing municipality; nothing else. */
export const citizenRules: Rule[] = [
  (e) => {
    const ids = select(e.node, 'identifier');
    if (ids.length !== 1) return [{ path: ids[1]?.path ?? `${e.path}.identifier`, rule: 'citizen.identifier' }];
    const id = ids[0]!;
    return field(id, 'system') === system.cpr && field(id, 'use') === 'official' ? [] : [{ path: id.path, rule: 'citizen.identifier' }];
  },
  (e) => select(e.node, 'identifier').slice(0, 1).flatMap((id) => {
    const value = str(field(id, 'value'));
    return value !== undefined && DK_CORE_CPR.test(value) ? [] : [{ path: `${id.path}.value`, rule: 'citizen.cpr' }];
  }),
  (e) => [
    ...(typeof e.resource.deceasedBoolean === 'boolean' ? [] : [{ path: `${e.path}.deceasedBoolean`, rule: 'citizen.deceased' }]),
    ...select(e.node, 'deceasedDateTime').map((n) => ({ path: n.path, rule: 'citizen.deceased' })),
  ],
  (e) => {
    const org = select(e.node, 'managingOrganization')[0];
    if (!org) return [{ path: `${e.path}.managingOrganization`, rule: 'citizen.managing-organization' }];
    const id = field(org, 'identifier');
    const extra = ['reference', 'display', 'type'].filter((k) => field(org, k) !== undefined).map((k) => ({ path: `${org.path}.${k}`, rule: 'citizen.managing-organization' }));
    const ok = isObject(id) && id.system === system.sor && typeof id.value === 'string';
    return [...extra, ...(ok ? [] : [{ path: `${org.path}.identifier`, rule: 'citizen.managing-organization' }])];
  },
  forbidden('citizen.forbidden', ['active', 'name', 'telecom', 'gender', 'birthDate', 'address', 'maritalStatus', 'multipleBirth[x]',
    'photo', 'contact', 'communication', 'generalPractitioner', 'link']),
];

const fkOrgValue = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** klgateway-119-organization: exactly one SOR or FK-ORG identifier. */
export const organizationRules: Rule[] = [
  cardinality('organization.identifier', 'identifier', 1, 1),
  (e) => select(e.node, 'identifier').slice(0, 1).flatMap((id) => {
    const sys = field(id, 'system');
    const value = str(field(id, 'value'));
    const ok = value !== undefined && (sys === system.sor ? /^[0-9]+$/.test(value) : sys === system.fkOrg && fkOrgValue.test(value));
    return ok ? [] : [{ path: id.path, rule: 'organization.identifier' }];
  }),
  forbidden('organization.forbidden', ['type', 'alias', 'telecom', 'address', 'partOf', 'contact', 'endpoint']),
];
