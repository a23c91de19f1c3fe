import data from '../terminology/fsiii-119.json' with { type: 'json' };

/** Typed access to the FSIII / KL code lists in fsiii-119.json. Codes are never retyped here. */

export type ValueSetName = keyof typeof data.valueSets;
export interface Concept { code: string; display: string; definition?: string; group?: string; parent?: string }

export const systems = data.systems;
export const valueSetNames = Object.keys(data.valueSets) as ValueSetName[];

const concepts = (vs: ValueSetName): Concept[] => data.valueSets[vs].concepts as Concept[];
const index = new Map<ValueSetName, Map<string, Concept>>(valueSetNames.map((vs) => [vs, new Map(concepts(vs).map((c) => [c.code, c]))]));
const conceptOf = (vs: ValueSetName, code: string): Concept | undefined => index.get(vs)?.get(code);

export const codesOf = (vs: ValueSetName): string[] => concepts(vs).map((c) => c.code);
export const conceptsOf = (vs: ValueSetName): Concept[] => concepts(vs);
export const isCode = (vs: ValueSetName, code: string): boolean => conceptOf(vs, code) !== undefined;
export const display = (vs: ValueSetName, code: string): string | undefined => conceptOf(vs, code)?.display;
export const systemOf = (vs: ValueSetName): string => data.valueSets[vs].system;

/** The code whose Danish display is exactly `text`; throws when the list has none, so a renamed concept fails at start-up. */
export function codeByDisplay(vs: ValueSetName, text: string): string {
  const found = concepts(vs).find((c) => c.display === text);
  if (!found) throw new Error(`"${text}" is not in value set ${vs}`);
  return found.code;
}
export const interventionByDisplay = (text: string): string => codeByDisplay('interventions119', text);
export const conditionByDisplay = (text: string): string => codeByDisplay('conditions119', text);
export const cancellationReasonByDisplay = (text: string): string => codeByDisplay('cancellationReasons', text);

/**
 * KL Gateway invariant intervention-1: these planned interventions must have basedOn (the pathway).
 * The list follows the IG's expression, which still names the superseded "Tobaksafvænning"; its
 * successor "Nikotin- og tobaksafvænning" is in neither set, so basedOn is optional for it.
 */
export const treatmentInterventions: ReadonlySet<string> = new Set([
  'Mental håndtering', 'Sygdomshåndtering', 'Madlavning i praksis', 'Tobaksafvænning', 'Kostvejledning', 'Fysisk træning',
  'Færdighedstræning', 'Vejledning og introduktion til fysiske aktiviteter', 'Opfølgning', 'Diætbehandling', 'Samtale om alkohol',
].map(interventionByDisplay));
/** KL Gateway invariant intervention-2: these conversations must not have basedOn. */
export const conversationInterventions: ReadonlySet<string> = new Set(
  ['Afsluttende samtale', 'Behovssamtale', 'Afklarende samtale'].map(interventionByDisplay),
);
export const isTreatmentIntervention = (code: string): boolean => treatmentInterventions.has(code);
export const isConversationIntervention = (code: string): boolean => conversationInterventions.has(code);

/** "Tobaksafvænning" is superseded by "Nikotin- og tobaksafvænning" and is not used for new reports. */
const supersededIntervention = interventionByDisplay('Tobaksafvænning');
export const isReportableIntervention = (code: string): boolean => isCode('interventions119', code) && code !== supersededIntervention;

/**
 * The §119 condition areas (kl-gateway-119.md): Kroppen, Hverdagsliv, Sundhedsadfærd, plus four
 * "Mental sundhed" conditions; "Emotionel funktion" is not among them. "Kropspfattelse" is spelt as
 * in the code list.
 */
const reportableConditionGroups: ReadonlySet<string> = new Set(['Kroppen', 'Hverdagsliv', 'Sundhedsadfærd']);
const reportableMentalConditions: ReadonlySet<string> = new Set(
  ['Kognitiv funktion', 'Kropspfattelse', 'Trivsel', 'Søvn og hvile'].map(conditionByDisplay),
);
export function isReportableCondition(code: string): boolean {
  const c = conceptOf('conditions119', code);
  return c !== undefined && (reportableConditionGroups.has(c.group ?? '') || reportableMentalConditions.has(code));
}
