import type { Label } from '../domain/social-position.ts';
import { display } from '../domain/terminology.ts';
import { AppError } from '../shared/errors.ts';
import { cascadeSteps, stepLabels, type CascadeStep } from './cascade-steps.ts';
import type { DisclosureRule } from './disclosure.ts';
import { buildCascade, type CascadeCounts } from './equity-cascade.ts';
import { equityDimensions, groupLabel, type EquityDimension } from './equity-dimensions.ts';
import type { CascadeOut } from './equity-schemas.ts';
import { MAX_DRILL_ROWS, type DrillDownOut, type DrillDownRow } from './drill-down-schemas.ts';
import { pseudonymOf } from './pseudonym.ts';

/** One referral in a cascade cell, as the query returns it: months only, never exact dates. */
export interface DrillFact {
  referralId: string; citizenId: string; ageBand: string; sex: string; dropoutReason: string | null;
  reached: Record<CascadeStep, boolean>; months: Partial<Record<CascadeStep, string | null>>;
  daysToContact: number | null; daysToStart: number | null;
}

type Context = Pick<CascadeOut, 'period' | 'filters' | 'dimension'>;

/**
 * Is this cell of the cascade hidden from the caller? The answer is read off the cascade exactly as
 * the dashboard shows it (same suppression, complementary cells included), so a list is never
 * shown for a cell whose count is not. Pure.
 */
export function cellHidden(context: Context, dimension: EquityDimension, counts: readonly CascadeCounts[], rule: DisclosureRule, group: string, step: CascadeStep): boolean {
  const cascade = buildCascade({ ...context, base: 'previous' }, dimension, counts, rule, 'da');
  const cell = cascade.groups.find((g) => g.value === group)?.counts.find((c) => c.step === step);
  return cell?.hidden != null;
}

/**
 * The list behind one cascade cell (issue 6 §6). Callers with access to the records (`names` given)
 * see who each row is; everyone else sees a stable pseudonym, age band, sex, the months the steps
 * were reached, the drop-out reason and the waiting days, and nothing else. A cell hidden by
 * small-cell suppression is refused (403) with the rule in Danish or English. Pure.
 */
export function buildDrillDown(
  context: Context, dimension: EquityDimension, cell: { group: string; step: CascadeStep },
  counts: readonly CascadeCounts[], facts: readonly DrillFact[], names: ReadonlyMap<string, string> | null,
  rule: DisclosureRule, secret: Buffer, lang: keyof Label,
): DrillDownOut {
  if (cellHidden(context, dimension, counts, rule, cell.group, cell.step)) {
    throw new AppError('forbidden', 'error.drill_down_suppressed', { threshold: rule.threshold, max: rule.threshold - 1 });
  }
  const rows = facts.map((f): DrillDownRow => ({
    pseudonym: pseudonymOf(secret, f.citizenId),
    ageBand: { value: f.ageBand, label: groupLabel(equityDimensions.age_band, f.ageBand, lang) },
    sex: { value: f.sex, label: groupLabel(equityDimensions.sex, f.sex, lang) },
    steps: cascadeSteps.filter((s) => f.reached[s]).map((s) => ({ step: s, label: stepLabels[s][lang], month: f.months[s] ?? null })),
    dropoutReason: f.dropoutReason === null ? null : { code: f.dropoutReason, label: display('cancellationReasons', f.dropoutReason) ?? f.dropoutReason },
    daysToContact: f.daysToContact, daysToStart: f.daysToStart,
    person: names ? { citizenId: f.citizenId, referralId: f.referralId, name: names.get(f.citizenId) ?? '' } : null,
  }));
  const collator = new Intl.Collator('da-DK'); // Danish names sort the Danish way (æ, ø, å last) in either language
  rows.sort((a, b) => (names ? collator.compare(a.person!.name, b.person!.name) : 0) || a.pseudonym.localeCompare(b.pseudonym));
  return {
    ...context, disclosure: rule,
    group: { value: cell.group, label: groupLabel(dimension, cell.group, lang) },
    step: { key: cell.step, label: stepLabels[cell.step][lang] },
    view: names ? 'named' : 'pseudonymised',
    count: facts.length,
    rows: rows.slice(0, MAX_DRILL_ROWS),
  };
}
