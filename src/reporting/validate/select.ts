import r4 from 'fhirpath/fhir-context/r4/index.js';
import type { Model } from 'fhirpath';
import { isObject, type Issue, type Json, type JsonObject } from './issues.ts';
import type { EntryProfile } from '../profiles.ts';

const model = r4 as unknown as Model;
/** Whether base R4 allows a reference at `element` (e.g. "ServiceRequest.requester") to this resource type; if not, fhir-r4.reference-target says so. */
export const baseAllows = (element: string, resourceType: unknown): boolean => {
  const allowed = model.path2RefType[element] ?? [];
  return !allowed.length || allowed.includes('Resource') || allowed.includes(String(resourceType));
};

export interface Node { path: string; value: Json }

/** The nodes at a dotted path below `from`, with array indices in their paths: select(r, 'activity.detail'). */
export function select(from: Node, dotted: string): Node[] {
  let nodes = [from];
  for (const key of dotted.split('.')) {
    nodes = nodes.flatMap((n) => {
      const child = isObject(n.value) ? n.value[key] : undefined;
      if (child === undefined) return [];
      return Array.isArray(child) ? child.map((value, i) => ({ path: `${n.path}.${key}[${i}]`, value })) : [{ path: `${n.path}.${key}`, value: child }];
    });
  }
  return nodes;
}

/** One entry of the report under a profile. */
export interface Entry { path: string; resource: JsonObject; profile: EntryProfile; node: Node }
export interface Report { entries: Entry[]; byKey: ReadonlyMap<string, Entry> }
export type Rule = (entry: Entry, report: Report) => Issue[];

/** Issues for each element present at any of the paths (elements the profile sets to 0..0). */
export const forbidden = (rule: string, paths: readonly string[]): Rule => (e) => paths.flatMap((p) => {
  if (!p.endsWith('[x]')) return select(e.node, p).map((n) => ({ path: n.path, rule }));
  // A choice element: any "name" + type suffix, e.g. onsetDateTime for onset[x].
  const parts = p.slice(0, -3).split('.');
  const name = parts.pop()!;
  const parents = parts.length ? select(e.node, parts.join('.')) : [e.node];
  return parents.flatMap((n) => Object.keys(isObject(n.value) ? n.value : {})
    .filter((k) => k.startsWith(name) && /^[A-Z]/.test(k.slice(name.length)))
    .map((k) => ({ path: `${n.path}.${k}`, rule })));
});

export const referenceOf = (n: Node): string | undefined => (isObject(n.value) && typeof n.value.reference === 'string' ? n.value.reference : undefined);

/**
 * Issues for references at `path` whose target in the report is not of one of the profiles. A target
 * that base R4 already forbids, or one not in the report, is left to those rules.
 */
export const targets = (rule: string, path: string, allowed: readonly EntryProfile[]): Rule => (e, report) =>
  select(e.node, path).flatMap((n) => {
    const target = report.byKey.get(referenceOf(n) ?? '');
    if (!target || !baseAllows(`${String(e.resource.resourceType)}.${path}`, target.resource.resourceType)) return [];
    return allowed.includes(target.profile) ? [] : [{ path: `${n.path}.reference`, rule }];
  });

/** At most `max` and at least `min` values at the path; the issue names the path (or the surplus element). */
export const cardinality = (rule: string, path: string, min: number, max: number): Rule => (e) => {
  const found = select(e.node, path);
  if (found.length < min) return [{ path: `${e.path}.${path}`, rule }];
  return found.slice(max).map((n) => ({ path: n.path, rule }));
};

export const codings = (n: Node): Node[] => select(n, 'coding');
export const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
export const field = (n: Node, key: string): Json | undefined => (isObject(n.value) ? n.value[key] : undefined);
