/**
 * Overbooking advice. Each booked person shows up with their own probability, estimated from how
 * often similar participants (same offer, same education group) came to their sessions. The advice is
 * the largest number of bookings whose expected attendance stays within the room's capacity, with the
 * risk that more turn up than there are places.
 */
export interface AttendanceCount { attended: number; expected: number }

/**
 * A show rate that small groups cannot swing: the group's own record shrunk towards a broader rate
 * (a beta prior worth `priorWeight` sessions). With no record at all it is the broader rate.
 */
export function shrunkShowRate(group: AttendanceCount, prior: { rate: number; weight: number }): number {
  return (group.attended + prior.rate * prior.weight) / (group.expected + prior.weight);
}

export interface OverbookingAdvice {
  capacity: number;
  booked: number;
  expectedAttendance: number;
  /** Bookings beyond capacity that keep expected attendance within capacity (0 when none). */
  extraPlaces: number;
  /** Expected attendance with those extra bookings. */
  expectedWithExtra: number;
  /** Probability that more than `capacity` come when the extra places are booked. */
  overflowRisk: number;
}

/**
 * `booked` are the show probabilities of those on the team, `waiting` of those next on the waiting list
 * (in order); anyone beyond the list is assumed to show like `typicalRate`.
 */
export function adviseOverbooking(capacity: number, booked: readonly number[], waiting: readonly number[], typicalRate: number): OverbookingAdvice {
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const rates = [...booked];
  const next = (i: number) => waiting[i] ?? typicalRate;
  // Fill the free places first, then add bookings while expected attendance stays within capacity.
  let i = 0;
  while (rates.length < capacity) rates.push(next(i++));
  if (typicalRate > 0) {
    while (sum(rates) + next(i) <= capacity + 1e-9 && rates.length < capacity * 10) rates.push(next(i++));
  }
  return {
    capacity, booked: booked.length, expectedAttendance: round(sum(booked)), extraPlaces: Math.max(0, rates.length - Math.max(capacity, booked.length)),
    expectedWithExtra: round(sum(rates)), overflowRisk: round(probabilityMoreThan(rates, capacity)),
  };
}

/** P(more than k of the independent people come), by the Poisson-binomial recursion. */
export function probabilityMoreThan(rates: readonly number[], k: number): number {
  let dist = [1];
  for (const p of rates) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((q, n) => { next[n]! += q * (1 - p); next[n + 1]! += q * p; });
    dist = next;
  }
  return dist.slice(k + 1).reduce((s, q) => s + q, 0);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
