/** The equity and quality API's answers as the dashboard reads them (the server's zod schemas are the contract). */
export interface Estimate { value: number | null; ciLow: number | null; ciHigh: number | null }
export type Hidden = 'small' | 'complementary' | null;
export interface Cell { count: number | null; hidden: Hidden }
export interface Disclosure { suppressed: boolean; threshold: number }
interface Head { period: { from: string; to: string }; filters: Record<string, string>; disclosure: Disclosure; dimension: { key: string; label: string; ordered: boolean; reference: string | null } }

export interface Dimensions {
  dimensions: { key: string; label: string; ordered: boolean; reference: string | null; groups: { value: string; label: string; known: boolean }[] }[];
  steps: { key: string; label: string }[];
  filters: string[];
  effectMeasures: { key: string; label: string; unit: string }[];
  effectTimePoints: { key: string; label: string }[];
}

export interface GroupComparison { value: string; n: number | null; events: number | null; rate: Estimate; difference: Estimate; ratio: Estimate; isReference: boolean; uncertain: boolean; hidden: boolean }
export interface StepComparison {
  step: string; overall: Estimate; reference: string | null; compared: { upper: string; lower: string } | null; population: number | null;
  uncertain: boolean; measuresHidden: boolean; groups: GroupComparison[]; measures: Record<string, Estimate>;
}
export interface Cascade extends Head {
  base: 'previous' | 'referred';
  steps: { key: string; label: string }[];
  groups: { value: string; label: string; order: number | null; known: boolean; counts: (Cell & { step: string })[] }[];
  total: { counts: (Cell & { step: string })[] };
  comparisons: StepComparison[];
  unknown: { step: string; count: number | null; total: number | null; share: number | null }[];
}

export interface Quartiles { n: number | null; hidden: Hidden; p25: number | null; median: number | null; p75: number | null }
export interface WaitingTimes extends Head {
  groups: { value: string; label: string; known: boolean; toContact: Quartiles; toStart: Quartiles }[];
  total: { toContact: Quartiles; toStart: Quartiles };
}

export interface ReasonCell extends Cell { reason: string; share: number | null }
export interface DropoutReasons extends Head {
  reasons: { code: string; label: string }[];
  groups: { value: string; label: string; known: boolean; total: Cell; reasons: ReasonCell[] }[];
  total: { total: Cell; reasons: ReasonCell[] };
}

export interface Effect { pairs: Cell; missing: Cell; improved: Cell; meanChange: Estimate; sd: number | null; improvedShare: Estimate; uncertain: boolean }
export interface EffectMeasure {
  key: string; label: string; unit: string; kind: 'mean' | 'proportion'; higherIsBetter: boolean; minimalImportantChange: number; relative: boolean;
  /** The group the others' effects are compared with (value), and each group's difference to it. */
  reference: string | null;
  groups: { value: string; label: string; known: boolean; effect: Effect; isReference: boolean; difference: Estimate }[]; total: Effect;
}
export interface Effects extends Head { timePoint: 'end' | 'follow_up'; timePointLabel: string; measures: EffectMeasure[] }

export interface Indicator { key: string; name: string; description: string; periodBy: string; target: number | null; higherIsBetter: boolean; minimumDenominator: number }
type Limits = { lower: number; upper: number } | null;
type Signal = 'above' | 'below' | 'within' | null;
interface Point { denominator: Cell; numerator: Cell; rate: number | null; tooFew: boolean }
export interface RunChart { indicator: Indicator; disclosure: Disclosure; centre: number | null; months: (Point & { month: string; limits: Limits; signal: Signal })[] }
export interface Funnel {
  indicator: Indicator; disclosure: Disclosure; by: string; centre: number | null;
  units: (Point & { unit: string; label: string; limits95: Limits; limits998: Limits; alert: Signal; signal: Signal })[];
  curve: { n: number; limits95: Limits; limits998: Limits }[];
}
