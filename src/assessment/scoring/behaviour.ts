import { code, codes, num, type Flag, type GroupAnswers, type InstrumentResult } from './types.ts';

/** WHO: at least 150 minutes of moderate (or 75 of vigorous) activity a week for adults. */
export const WHO_ACTIVITY_MINUTES = 150;
/** The Danish Health Authority's limits: at most 10 units a week and at most 4 on any one day. */
export const ALCOHOL_WEEKLY_MAX = 10;
export const ALCOHOL_DAILY_MAX = 4;

export function activityFlags(minutes: number | null, days30: number | null): Flag[] {
  if (minutes === null && days30 === null) return [];
  if (minutes === 0 || (minutes === null && days30 === 0)) return [{ code: 'activity.inactive', severity: 'concern' }];
  if (minutes !== null && minutes < WHO_ACTIVITY_MINUTES) return [{ code: 'activity.below_who', severity: 'attention', params: { minutes, target: WHO_ACTIVITY_MINUTES } }];
  return [];
}

export function scoreActivity(a: GroupAnswers): InstrumentResult {
  const minutes = num(a, 'minutes');
  const days30 = num(a, 'days30');
  return {
    instrument: 'activity', domain: 'health_behaviour', score: minutes,
    values: { minutesPerWeek: minutes, daysWith30Minutes: days30, meetsWho: minutes === null ? null : minutes >= WHO_ACTIVITY_MINUTES },
    flags: activityFlags(minutes, days30),
  };
}

export function alcoholFlags(unitsPerWeek: number | null, heavyDays: number | null): Flag[] {
  const flags: Flag[] = [];
  if (unitsPerWeek !== null && unitsPerWeek > ALCOHOL_WEEKLY_MAX) flags.push({ code: 'alcohol.above_weekly_limit', severity: 'attention', params: { units: unitsPerWeek, max: ALCOHOL_WEEKLY_MAX } });
  if (heavyDays !== null && heavyDays > 0) flags.push({ code: 'alcohol.heavy_days', severity: 'attention', params: { days: heavyDays, max: ALCOHOL_DAILY_MAX } });
  return flags;
}

export function scoreAlcohol(a: GroupAnswers): InstrumentResult {
  const units = num(a, 'units_week');
  const heavy = num(a, 'heavy_days');
  const withinLimits = units === null || heavy === null ? null : units <= ALCOHOL_WEEKLY_MAX && heavy === 0;
  return { instrument: 'alcohol', domain: 'health_behaviour', score: units, values: { unitsPerWeek: units, heavyDrinkingDays: heavy, withinLimits }, flags: alcoholFlags(units, heavy) };
}

export function scoreSmoking(a: GroupAnswers): InstrumentResult {
  const status = code(a, 'status');
  const smoker = status === null ? null : status === 'daily' || status === 'occasional';
  const readiness = code(a, 'readiness');
  const flags: Flag[] = [];
  if (smoker) flags.push({ code: 'smoking.current', severity: 'attention', params: { perDay: num(a, 'per_day') ?? '?' } });
  if (smoker && (readiness === 'within_month' || readiness === 'within_6_months')) flags.push({ code: 'smoking.ready_to_quit', severity: 'info' });
  const otherNicotine = codes(a, 'other_nicotine').filter((c) => c !== 'none');
  if (otherNicotine.length) flags.push({ code: 'smoking.other_nicotine', severity: 'info' });
  return {
    instrument: 'smoking', domain: 'health_behaviour', score: null,
    values: { status, smoker, perDay: num(a, 'per_day'), otherNicotine, wishToQuit: code(a, 'wish_to_quit'), readiness },
    flags,
  };
}

export function scoreDiet(a: GroupAnswers): InstrumentResult {
  const habits = code(a, 'habits');
  const vegetables = code(a, 'vegetables');
  const sugary = code(a, 'sugary_drinks');
  const meals = code(a, 'regular_meals');
  const flags: Flag[] = [];
  if (habits === 'unhealthy') flags.push({ code: 'diet.unhealthy', severity: 'attention' });
  if (vegetables === 'rarely') flags.push({ code: 'diet.few_vegetables', severity: 'attention' });
  if (sugary === 'daily') flags.push({ code: 'diet.sugary_drinks', severity: 'attention' });
  if (meals === 'no') flags.push({ code: 'diet.irregular_meals', severity: 'info' });
  return { instrument: 'diet', domain: 'health_behaviour', score: null, values: { habits, vegetables, sugaryDrinks: sugary, regularMeals: meals }, flags };
}
