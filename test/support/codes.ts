import data from '../../src/terminology/fsiii-119.json' with { type: 'json' };

type ValueSet = keyof typeof data.valueSets;

/** Looks a code up by its Danish display text, so tests never retype UUIDs. */
export function code(valueSet: ValueSet, display: string): string {
  const concept = (data.valueSets[valueSet].concepts as { code: string; display: string }[]).find((c) => c.display === display);
  if (!concept) throw new Error(`No "${display}" in ${valueSet}`);
  return concept.code;
}
