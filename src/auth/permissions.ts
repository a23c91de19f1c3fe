import type { Role } from './roles.ts';

/**
 * The one permission matrix (reviewed; mirrored in docs/security.md). A route names one permission
 * (its policy); a role has a permission when the matrix says so, a staff member additionally when
 * an administrator granted it, an API key when the permission is among its scopes.
 */
export const permissions = [
  'session',            // own account: who am I, log out, change password, two-factor
  'citizen.read',       // identify and read a citizen (name, masked CPR) and their course
  'citizen.write',      // register and correct citizens, referrals, courses, records
  'citizen.full_cpr',   // see the full CPR number (audited as read_full_cpr)
  'team.read', 'team.write',
  'offer.read', 'offer.write',
  'bridge.read', 'bridge.write',
  'statistics.read',    // aggregates and pseudonymised lists
  'reporting.run',      // KL Gateway runs and sending
  'referral.submit',    // integrations: send referrals in (FHIR)
  'questionnaire.admin',
  'access_log.read',    // a citizen's access log and data export (citizen requests)
  'consent.write',
  'retention.run', 'key_rotation.run',
  'staff.admin', 'api_key.admin',
  'public',             // no login: health checks, the login itself, citizens' personal links
] as const;
export type Permission = (typeof permissions)[number];

const care: Permission[] = ['session', 'citizen.read', 'citizen.write', 'citizen.full_cpr', 'team.read', 'team.write', 'offer.read', 'bridge.read', 'bridge.write', 'statistics.read', 'consent.write'];

export const matrix: Record<Role, readonly Permission[]> = {
  clinician: care,
  coordinator: [...care, 'offer.write', 'reporting.run', 'access_log.read', 'questionnaire.admin'],
  bridge_builder: ['session', 'bridge.read', 'bridge.write', 'offer.read', 'team.read', 'statistics.read'],
  manager: ['session', 'statistics.read', 'offer.read', 'team.read'],
  admin: [...care, 'offer.write', 'reporting.run', 'access_log.read', 'questionnaire.admin', 'retention.run', 'key_rotation.run', 'staff.admin', 'api_key.admin'],
  // API keys get nothing by role: only their scopes.
  integration: [],
};

/** Scopes an API key may be given: integration-shaped permissions only. */
export const apiKeyScopes: readonly Permission[] = ['referral.submit', 'statistics.read', 'offer.read', 'team.read', 'reporting.run'];

/** Grants an administrator may give a staff member beyond the role (e.g. a manager reading named citizens). */
export const grantable: readonly Permission[] = ['citizen.read', 'access_log.read', 'statistics.read'];

export interface Subject { role: Role; grants?: readonly string[] | undefined; scopes?: readonly string[] | undefined }

/** The policy function: may this subject use a route whose policy is `permission`? Pure. */
export function allows(subject: Subject, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (subject.role === 'integration') return (subject.scopes ?? []).includes(permission);
  return matrix[subject.role].includes(permission) || (subject.grants ?? []).includes(permission);
}

export const rolesWith = (permission: Permission): Role[] =>
  (Object.keys(matrix) as Role[]).filter((r) => allows({ role: r }, permission));
