import type { PointsModel, QuadrantModel, StratificationModel, SupportLevel, Text } from './models.ts';
import { signalText } from './models.ts';
import type { Signals } from './signals.ts';

/** What the professional adds: axis judgements (Esbjerg) and factors present or absent (both models). */
export interface ProfessionalInputs {
  axes?: { coping?: 'low' | 'high' | undefined; complexity?: 'low' | 'high' | undefined } | undefined;
  factors?: Record<string, boolean> | undefined;
}

export interface Reason { kind: 'rule' | 'factor' | 'axis'; text: Text; signal?: string; source?: 'data' | 'professional'; points?: number }
export interface Recommendation { model: string; modelVersion: string; level: SupportLevel; reasons: Reason[]; details: Record<string, string | number> }

const label = (signal: string): Text => signalText[signal] ?? { da: signal, en: signal };

/** Data signals with the professional's factor judgements laid over them. */
function effective(signals: Signals, inputs: ProfessionalInputs): { present: (s: string) => boolean; source: (s: string) => 'data' | 'professional' } {
  const f = inputs.factors ?? {};
  return {
    present: (s) => (Object.hasOwn(f, s) ? f[s] === true : signals[s] === true),
    source: (s) => (Object.hasOwn(f, s) ? 'professional' : 'data'),
  };
}

function quadrant(model: QuadrantModel, signals: Signals, inputs: ProfessionalInputs): Recommendation {
  const e = effective(signals, inputs);
  const reasons: Reason[] = [];
  const copingHits = model.axes.coping.lowWhen.signals.filter(e.present);
  const complexityHits = model.axes.complexity.highWhen.signals.filter(e.present);
  const coping = inputs.axes?.coping ?? (copingHits.length >= model.axes.coping.lowWhen.atLeast ? 'low' : 'high');
  const complexity = inputs.axes?.complexity ?? (complexityHits.length >= model.axes.complexity.highWhen.atLeast ? 'high' : 'low');
  const axisReason = (axis: 'coping' | 'complexity', value: 'low' | 'high', hits: string[], set: boolean): Reason => {
    const def = model.axes[axis];
    const basis = set ? { da: 'faglig vurdering', en: 'professional judgement' } : { da: `${hits.length} tegn i data`, en: `${hits.length} signs in the data` };
    return { kind: 'axis', source: set ? 'professional' : 'data', text: { da: `${def.title.da}: ${def[value].da} (${basis.da})`, en: `${def.title.en}: ${def[value].en} (${basis.en})` } };
  };
  reasons.push(axisReason('coping', coping, copingHits, inputs.axes?.coping !== undefined));
  reasons.push(axisReason('complexity', complexity, complexityHits, inputs.axes?.complexity !== undefined));
  for (const s of [...copingHits, ...complexityHits]) reasons.push({ kind: 'factor', signal: s, source: e.source(s), text: label(s) });
  const q = model.quadrants.find((x) => x.coping === coping && x.complexity === complexity)!;
  reasons.unshift({ kind: 'rule', text: q.reason });
  return { model: model.id, modelVersion: model.version, level: q.level, reasons, details: { coping, complexity, copingSigns: copingHits.length, complexitySigns: complexityHits.length } };
}

function points(model: PointsModel, signals: Signals, inputs: ProfessionalInputs): Recommendation {
  const e = effective(signals, inputs);
  const factorReasons: Reason[] = [];
  const details: Record<string, number> = {};
  for (const g of model.groups) {
    const present = g.factors.filter((f) => e.present(f.signal));
    details[g.key] = present.reduce((sum, f) => sum + f.points, 0);
    for (const f of present) factorReasons.push({ kind: 'factor', signal: f.signal, source: e.source(f.signal), points: f.points, text: { da: `${g.title.da}: ${label(f.signal).da}`, en: `${g.title.en}: ${label(f.signal).en}` } });
  }
  const total = Object.values(details).reduce((a, b) => a + b, 0);
  const maxGroup = Math.max(0, ...Object.values(details));
  const holds = (w: PointsModel['levels'][number]['when']) =>
    (w.totalAtLeast === undefined && w.anyGroupAtLeast === undefined) || (w.totalAtLeast !== undefined && total >= w.totalAtLeast) || (w.anyGroupAtLeast !== undefined && maxGroup >= w.anyGroupAtLeast);
  const chosen = model.levels.find((l) => holds(l.when)) ?? model.levels[model.levels.length - 1]!;
  return { model: model.id, modelVersion: model.version, level: chosen.level, reasons: [{ kind: 'rule', text: chosen.reason }, ...factorReasons], details: { ...details, total } };
}

/** A model's recommended support level with the reasons that led to it. Pure. */
export function recommend(model: StratificationModel, signals: Signals, inputs: ProfessionalInputs = {}): Recommendation {
  return model.kind === 'quadrant' ? quadrant(model, signals, inputs) : points(model, signals, inputs);
}
