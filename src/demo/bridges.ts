import { followUpDueDates, leftReasons, stayedReasons } from '../bridges/follow-up-dates.ts';
import { bridgeCalibration } from './calibration.ts';
import type { Rng } from './random.ts';
import { addDays, isoDay } from './setting.ts';
import type { TableRows } from './tables.ts';

/** What the demo needs to bridge citizens: the municipality's association offers and a stream of its own. */
export interface DemoBridging {
  offerIds: readonly string[];
  /** Its own generator, so adding bridges does not change any other simulated course. */
  rng: Rng;
}

export interface CompletedCourse {
  municipalityId: string; citizenId: string; referralId: string; endedOn: Date; lowEducation: boolean; reference: Date;
  staffId: string; newId: () => string;
}

/**
 * A completer bridged to a local association offer within four weeks of the end, with the 3- and
 * 6-month follow-ups recorded when they are due before the reference date. Returns the bridge as
 * the fact row reads it, or null when the citizen was not bridged (or not yet).
 */
export function simulateBridge(b: DemoBridging, c: CompletedCourse, out: TableRows): { bridgedOn: string; status: string } | null {
  const k = bridgeCalibration;
  if (!b.offerIds.length || !b.rng.chance(k.givenCompleted * (c.lowEducation ? k.lowEducationMultiplier : 1))) return null;
  const bridgedOn = addDays(c.endedOn, b.rng.int(0, 28));
  if (bridgedOn > c.reference) return null;
  const id = c.newId();
  const day = isoDay(bridgedOn);
  out.bridge.push([id, c.municipalityId, c.citizenId, c.referralId, b.rng.pick(b.offerIds), day, b.rng.weighted(k.companion), c.staffId]);
  let active = true;
  for (const f of followUpDueDates(day)) {
    const followedUpOn = addDays(new Date(`${f.dueOn}T12:00:00Z`), b.rng.int(0, 10));
    const recorded = followedUpOn <= c.reference;
    if (recorded) active = active && b.rng.chance(f.months === 3 ? k.stillActiveAt3Months : k.stillActiveAt6MonthsIfAt3);
    out.bridge_follow_up.push([c.newId(), c.municipalityId, id, f.months, f.dueOn, recorded ? isoDay(followedUpOn) : null, recorded ? active : null,
      recorded ? b.rng.pick(active ? stayedReasons : leftReasons) : null, recorded ? c.staffId : null]);
  }
  return { bridgedOn: day, status: 'active' };
}
