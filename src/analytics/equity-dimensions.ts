import { ageBands, socialPositionItems, type Label } from '../domain/social-position.ts';

/**
 * The social dimensions every equity figure can be broken down by (domain.md), as data: the
 * pathway_fact column, whether the groups have a social order (most disadvantaged first), the
 * reference group where one is the natural "most advantaged" (equity-measures.md lets the input
 * name it; otherwise the best rate is used), and labels. 'unknown' and 'prefer_not_to_say' are kept
 * as their own rows but never enter the measures: missing social position is shown, not guessed.
 */
export interface EquityDimension {
  column: string;
  label: Label;
  ordered: boolean;
  reference?: string;
  /** Known values in display order (social order when ordered). */
  values: readonly string[];
  valueLabel: (value: string) => Label | undefined;
}

export const unknownValues: readonly string[] = ['unknown', 'prefer_not_to_say'];
const missingLabels: Record<string, Label> = {
  unknown: { da: 'Ukendt', en: 'Unknown' },
  prefer_not_to_say: { da: 'Ønsker ikke at svare', en: 'Prefer not to say' },
};

function fromItem(item: 'labour_market' | 'origin' | 'living_alone' | 'social_housing' | 'area_type', reference?: string): EquityDimension {
  const def = socialPositionItems[item];
  const values = Object.keys(def.values).filter((v) => !unknownValues.includes(v));
  return {
    column: item, label: def.label, ordered: false, values, ...(reference ? { reference } : {}),
    valueLabel: (v) => (def.values as Record<string, Label>)[v],
  };
}

const educationLabels: Record<string, Label> = {
  low: { da: 'Grundskole', en: 'Primary school' },
  medium: { da: 'Gymnasial eller erhvervsfaglig', en: 'Upper secondary or vocational' },
  high: { da: 'Videregående', en: 'Higher education' },
};
const sexLabels: Record<string, Label> = { female: { da: 'Kvinde', en: 'Female' }, male: { da: 'Mand', en: 'Male' } };

export const equityDimensions = {
  education: {
    column: 'education_group', label: { da: 'Uddannelse', en: 'Education' }, ordered: true,
    values: ['low', 'medium', 'high'], valueLabel: (v: string) => educationLabels[v],
  },
  labour_market: fromItem('labour_market', 'employed'),
  origin: fromItem('origin', 'danish'),
  living_alone: fromItem('living_alone', 'no'),
  social_housing: fromItem('social_housing', 'no'),
  area_type: fromItem('area_type'),
  sex: { column: 'sex', label: { da: 'Køn', en: 'Sex' }, ordered: false, values: ['female', 'male'], valueLabel: (v: string) => sexLabels[v] },
  age_band: {
    column: 'age_band', label: { da: 'Aldersgruppe', en: 'Age band' }, ordered: false,
    values: ['under-18', ...ageBands], valueLabel: (v: string) => ({ da: v === 'under-18' ? 'Under 18' : v, en: v === 'under-18' ? 'Under 18' : v }),
  },
} as const satisfies Record<string, EquityDimension>;

export type EquityDimensionKey = keyof typeof equityDimensions;
export const equityDimensionKeys = Object.keys(equityDimensions) as EquityDimensionKey[];

/** The reference group named for a dimension, if any. */
export const referenceOf = (dimension: EquityDimension): string | null => dimension.reference ?? null;

export const isKnownValue = (value: string): boolean => !unknownValues.includes(value);

export function groupLabel(dimension: EquityDimension, value: string, lang: keyof Label): string {
  return (dimension.valueLabel(value) ?? missingLabels[value])?.[lang] ?? value;
}

/**
 * The groups to show, in display order: the known values that occur, then any other value that
 * occurs (data can hold values a code list has since dropped), then the unknowns that occur.
 */
export function groupsPresent(dimension: EquityDimension, present: Iterable<string>): string[] {
  const seen = new Set(present);
  const known = dimension.values.filter((v) => seen.has(v));
  const other = [...seen].filter((v) => !dimension.values.includes(v) && isKnownValue(v)).sort();
  return [...known, ...other, ...unknownValues.filter((v) => seen.has(v))];
}

/** The social order of a known value (1 = most disadvantaged), for ordered dimensions. */
export const orderOf = (dimension: EquityDimension, value: string): number | undefined => {
  const i = dimension.values.indexOf(value);
  return dimension.ordered && i >= 0 ? i + 1 : undefined;
};
