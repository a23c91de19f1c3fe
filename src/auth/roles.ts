/**
 * Staff roles, plus 'integration' for API keys (never a staff account: the database refuses it).
 * The bridge-builder follows citizens into association offers.
 */
export const roles = ['clinician', 'coordinator', 'bridge_builder', 'manager', 'admin', 'integration'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['clinician', 'coordinator', 'bridge_builder', 'manager', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

/** Who may read and write individual citizens' records. Managers work with aggregates. */
export const careRoles: readonly Role[] = ['clinician', 'coordinator', 'admin'];
export const everyRole: readonly Role[] = roles;
