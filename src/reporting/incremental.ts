import { createHash } from 'node:crypto';
import { withReferenced } from './bundle.ts';
import { keyOf, type Resource } from './fhir.ts';

export type ResourceHashes = Record<string, string>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
/** Resources are built with a fixed key order, so their JSON is canonical. */
export const hashResources = (resources: readonly Resource[]): ResourceHashes =>
  Object.fromEntries(resources.map((r) => [keyOf(r), sha256(JSON.stringify(r))]));
export const contentHash = (resources: readonly Resource[]): string => sha256(JSON.stringify(resources));

/**
 * What a citizen's next report holds: every resource that is new or changed since the last accepted
 * report (`known`), plus the citizen and everything those refer to. Empty when nothing changed.
 * A correction is a change like any other (entered-in-error, replaces), so it is always sent; a
 * resource the gateway knows is never dropped from the state (the mapping keeps it, see alwaysInclude).
 */
export function incrementalResources(all: readonly Resource[], known: ResourceHashes): Resource[] {
  const now = hashResources(all);
  const changed = new Set(Object.keys(now).filter((k) => now[k] !== known[k] && !k.startsWith('Patient/')));
  const patientChanged = all.some((r) => r.resourceType === 'Patient' && now[keyOf(r)] !== known[keyOf(r)]);
  if (!changed.size && !patientChanged) return [];
  return withReferenced(all, changed);
}
