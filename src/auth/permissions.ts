import type { Role } from './roles.ts';

/**
 * The one permission matrix (reviewed; mirrored in docs/security.md). A route names one permission
 * (its policy); a role has a permission when the matrix says so, a staff member additionally when
 * an administrator granted it, an API key when the permission is among its scopes.
 */
export const permissions = [
  'session',            // own account: who am I, log out, change password, two-factor
  'reference.read',     // code lists and organisations (no personal data)
  'offer.read',         // the offer catalogue and places (no personal data)
  'statistics.read',    // aggregates with small-number suppression; pseudonymised lists
  'reporting.read',     // KL Gateway run counts
  'citizen.read',       // identify and read citizens and their courses (care)
  'citizen.write',      // register and correct citizens, referrals, courses, records, campaigns
  'team.read', 'team.write',   // teams, sessions, roll call, waiting lists (participants are personal data)
  'team.plan',          // create teams, move sessions, plan instructors and reminders
  'offer.write',        // the offer catalogue and places
  'association.read', 'association.write',  // the association register (organisations, not citizens)
  'bridge.read', 'bridge.write',            // bridge-building: a citizen's way into an association offer
  'reporting.run',      // KL Gateway runs and sending
  'referral.submit',    // receive referrals (FHIR ServiceRequest), also from integrations
  'questionnaire.admin',
  'access_log.read',    // a citizen's access log and data export (answering citizens' requests)
  'consent.write',
  'retention.run', 'key_rotation.run',
  'staff.admin', 'api_key.admin',
  'public',             // no login: health checks, the login itself, citizens' personal links
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['session', 'reference.read', 'offer.read', 'statistics.read', 'reporting.read'];
const care: Permission[] = [...everyone, 'citizen.read', 'citizen.write', 'team.read', 'team.write', 'association.read', 'association.write',
  'bridge.read', 'bridge.write', 'referral.submit', 'consent.write'];
const lead: Permission[] = [...care, 'team.plan', 'offer.write', 'reporting.run', 'questionnaire.admin', 'access_log.read'];

export const matrix: Record<Role, readonly Permission[]> = {
  clinician: care,
  coordinator: lead,
  bridge_builder: [...everyone, 'association.read', 'association.write', 'bridge.read', 'bridge.write'],
  manager: everyone,
  admin: [...lead, 'retention.run', 'key_rotation.run', 'staff.admin', 'api_key.admin'],
  // API keys get nothing by role: only their scopes.
  integration: [],
};

/** Scopes an API key may be given: integration-shaped permissions only. */
export const apiKeyScopes: readonly Permission[] = ['referral.submit', 'statistics.read', 'offer.read', 'reference.read', 'reporting.read', 'reporting.run'];

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
