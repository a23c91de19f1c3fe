export const roles = ['clinician', 'coordinator', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who may read and write individual citizens' records. Managers work with aggregates. */
export const careRoles: readonly Role[] = ['clinician', 'coordinator', 'admin'];
export const everyRole: readonly Role[] = roles;
