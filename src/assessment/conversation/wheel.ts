import { domains, severityRank, type Domain, type Flag, type InstrumentResult, type Severity, type Value } from '../scoring/types.ts';
import { measurementFlags } from '../measurements/derive.ts';

export const domainLabels: Record<Domain, { da: string; en: string }> = {
  body: { da: 'Krop', en: 'Body' },
  everyday_life: { da: 'Hverdagsliv', en: 'Everyday life' },
  mental_health: { da: 'Mental sundhed', en: 'Mental health' },
  health_behaviour: { da: 'Sundhedsadfærd', en: 'Health behaviour' },
  network: { da: 'Netværk', en: 'Network' },
  resources: { da: 'Ressourcer', en: 'Resources' },
};
/** Measurements shown in the body domain of the wheel. */
const bodyMeasures = ['weight', 'bmi', 'waist', 'systolic', 'diastolic', 'hba1c', 'cholesterol', 'six_minute_walk', 'chair_stand_30s', 'exhaled_co'];

export interface ResultAt { result: InstrumentResult; completedAt: string; timePoint: string }
export interface MeasurementAt { measure: string; value: number; unit: string; loinc: string | null; timePoint: string; effectiveAt: string }

export interface WheelInstrument {
  instrument: string; score: number | null; values: Record<string, Value>; flags: Flag[];
  previous: { score: number | null; values: Record<string, Value>; completedAt: string; timePoint: string } | null;
}
export interface WheelMeasurement extends MeasurementAt { flags: Flag[]; previous: { value: number; effectiveAt: string; timePoint: string } | null }
export interface WheelDomain {
  domain: Domain;
  /** unknown: nothing answered or measured; ok: data without flags; else the most serious flag's severity. */
  status: 'unknown' | 'ok' | Severity;
  instruments: WheelInstrument[];
  measurements: WheelMeasurement[];
  flags: Flag[];
}

/**
 * The conversation wheel: the citizen's newest answers and measurements grouped into Esbjerg's six
 * domains, each with its flags, a status for the chart, and the previous value to compare with.
 * `responses` and `measurements` are newest first. Pure.
 */
export function buildWheel(responses: readonly { results: readonly InstrumentResult[]; completedAt: string; timePoint: string }[], measurements: readonly MeasurementAt[], extraFlags: Partial<Record<Domain, Flag[]>>, sex?: string): WheelDomain[] {
  const byInstrument = new Map<string, ResultAt[]>();
  for (const r of responses) for (const result of r.results) {
    const list = byInstrument.get(result.instrument) ?? [];
    list.push({ result, completedAt: r.completedAt, timePoint: r.timePoint });
    byInstrument.set(result.instrument, list);
  }
  const hasData = (x: InstrumentResult) => x.score !== null || Object.values(x.values).some((v) => v !== null && !(Array.isArray(v) && v.length === 0));
  const instruments: WheelInstrument[] = [...byInstrument.values()].map((list) => {
    const withData = list.filter((x) => hasData(x.result));
    const current = withData[0] ?? list[0]!;
    const previous = withData.find((x) => x !== current) ?? null;
    return {
      instrument: current.result.instrument, score: current.result.score, values: current.result.values, flags: current.result.flags,
      previous: previous ? { score: previous.result.score, values: previous.result.values, completedAt: previous.completedAt, timePoint: previous.timePoint } : null,
    };
  });
  const domainOf = new Map([...byInstrument.values()].map((l) => [l[0]!.result.instrument, l[0]!.result.domain]));
  const wheelMeasurements: WheelMeasurement[] = [];
  for (const measure of bodyMeasures) {
    const list = measurements.filter((m) => m.measure === measure);
    if (!list.length) continue;
    const [current, previous] = list as [MeasurementAt, MeasurementAt | undefined];
    wheelMeasurements.push({ ...current, flags: measurementFlags(measure, current.value, { sex }), previous: previous ? { value: previous.value, effectiveAt: previous.effectiveAt, timePoint: previous.timePoint } : null });
  }
  return domains.map((domain) => {
    const own = instruments.filter((i) => domainOf.get(i.instrument) === domain);
    const ms = domain === 'body' ? wheelMeasurements : [];
    const flags = [...own.flatMap((i) => i.flags), ...ms.flatMap((m) => m.flags), ...(extraFlags[domain] ?? [])];
    const worst = flags.reduce<Severity | null>((w, f) => (w === null || severityRank[f.severity] > severityRank[w] ? f.severity : w), null);
    const anyData = own.some((i) => i.score !== null || Object.values(i.values).some((v) => v !== null)) || ms.length > 0 || (extraFlags[domain]?.length ?? 0) > 0;
    return { domain, status: worst ?? (anyData ? 'ok' : 'unknown'), instruments: own, measurements: ms, flags };
  });
}
