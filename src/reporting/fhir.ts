/** The small part of FHIR R4 JSON the delivery report is made of. Plain data; no runtime. */
export interface Coding { system: string; code: string; display?: string }
export interface CodeableConcept { coding: Coding[]; text?: string }
export interface Reference { reference: string }
export interface Identifier { use?: 'official'; system: string; value: string }
export interface Period { start: string; end?: string }
export interface Extension { url: string; valueReference?: Reference; valueCodeableConcept?: CodeableConcept }

export interface Resource {
  resourceType: string;
  id: string;
  meta?: { profile: string[] };
  [element: string]: unknown;
}

export interface BundleEntry { fullUrl: string; resource: Resource }
export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  meta: { profile: string[] };
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

/** "Type/id": how every resource is addressed inside a report, as fullUrl and as reference. */
export const keyOf = (r: { resourceType: string; id: string }): string => `${r.resourceType}/${r.id}`;
export const ref = (resourceType: string, id: string): Reference => ({ reference: `${resourceType}/${id}` });
export const concept = (system: string, code: string, display?: string): CodeableConcept =>
  ({ coding: [display === undefined ? { system, code } : { system, code, display }] });
