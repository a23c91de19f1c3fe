import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import signalLabels from './signals.json' with { type: 'json' };

export const supportLevels = ['self_managed', 'standard', 'extended'] as const;
export type SupportLevel = (typeof supportLevels)[number];
export interface Text { da: string; en: string }

export interface QuadrantModel {
  id: string; version: string; kind: 'quadrant'; title: Text; description: Text;
  axes: {
    coping: { title: Text; low: Text; high: Text; lowWhen: { signals: string[]; atLeast: number } };
    complexity: { title: Text; low: Text; high: Text; highWhen: { signals: string[]; atLeast: number } };
  };
  quadrants: { coping: 'low' | 'high'; complexity: 'low' | 'high'; level: SupportLevel; reason: Text }[];
}
export interface PointsModel {
  id: string; version: string; kind: 'points'; title: Text; description: Text;
  groups: { key: string; title: Text; factors: { signal: string; points: number }[] }[];
  /** In order; the first whose condition holds wins. A condition holds when any of its parts holds; an empty one always. */
  levels: { level: SupportLevel; when: { totalAtLeast?: number; anyGroupAtLeast?: number }; reason: Text }[];
}
export type StratificationModel = QuadrantModel | PointsModel;

export const signalText: Record<string, Text & { professional?: boolean }> = signalLabels;

/** The shipped models (this folder's models/*.json), each replaced by a same-named file in LIGEVEJ_STRATIFICATION_DIR when set. */
export function loadModels(overrideDir: string | undefined = process.env.LIGEVEJ_STRATIFICATION_DIR): Map<string, StratificationModel> {
  const read = (dir: string) => {
    try {
      return readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as StratificationModel);
    } catch { return []; }
  };
  const out = new Map(read(join(import.meta.dirname, 'models')).map((m) => [m.id, m]));
  for (const m of overrideDir ? read(overrideDir) : []) out.set(m.id, m);
  return out;
}

let cached: Map<string, StratificationModel> | undefined;
export const models = (): Map<string, StratificationModel> => (cached ??= loadModels());
