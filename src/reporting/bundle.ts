import { keyOf, type Bundle, type Resource } from './fhir.ts';
import { referencesOf } from './map-citizen.ts';
import { profileUrl } from './profiles.ts';

/** A delivery report: a collection Bundle whose entries are addressed "Type/id", as references inside it are. */
export function deliveryReport(id: string, timestamp: Date, resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle', id, meta: { profile: [profileUrl.deliveryReport] }, type: 'collection',
    timestamp: timestamp.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: keyOf(resource), resource })),
  };
}

/**
 * The chosen resources plus the citizen and everything they refer to, transitively, so every
 * reference in the report points inside it. Keeps the order of `all`.
 */
export function withReferenced(all: readonly Resource[], chosen: ReadonlySet<string>): Resource[] {
  const byKey = new Map(all.map((r) => [keyOf(r), r]));
  const keep = new Set<string>();
  const queue = [...all.filter((r) => r.resourceType === 'Patient').map(keyOf), ...chosen];
  while (queue.length) {
    const key = queue.pop()!;
    const resource = byKey.get(key);
    if (!resource || keep.has(key)) continue;
    keep.add(key);
    queue.push(...referencesOf(resource));
  }
  return all.filter((r) => keep.has(keyOf(r)));
}
