/**
 * Danish public holidays (helligdage) and the customary closing days of municipal workplaces, computed
 * for any year: the fixed dates and the movable feasts counted from Easter Sunday. No network, no table.
 */
export interface ClosedDay {
  /** YYYY-MM-DD */
  date: string;
  key: HolidayKey;
  /** 'public': a holiday by law; 'customary': a day municipal health centres normally close. */
  kind: 'public' | 'customary';
}

export type HolidayKey =
  | 'new_years_day' | 'maundy_thursday' | 'good_friday' | 'easter_sunday' | 'easter_monday' | 'great_prayer_day'
  | 'ascension_day' | 'whit_sunday' | 'whit_monday' | 'constitution_day' | 'christmas_eve' | 'christmas_day'
  | 'boxing_day' | 'new_years_eve';

const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The closed days of a year in date order. Store bededag was abolished from 2024 (lov nr. 146 af 28.2.2023). */
export function danishClosedDays(year: number): ClosedDay[] {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number) => new Date(easter + days * 86_400_000).toISOString().slice(0, 10);
  const days: ClosedDay[] = [
    { date: iso(year, 1, 1), key: 'new_years_day', kind: 'public' },
    { date: fromEaster(-3), key: 'maundy_thursday', kind: 'public' },
    { date: fromEaster(-2), key: 'good_friday', kind: 'public' },
    { date: fromEaster(0), key: 'easter_sunday', kind: 'public' },
    { date: fromEaster(1), key: 'easter_monday', kind: 'public' },
    ...(year <= 2023 ? [{ date: fromEaster(26), key: 'great_prayer_day' as const, kind: 'public' as const }] : []),
    { date: fromEaster(39), key: 'ascension_day', kind: 'public' },
    { date: fromEaster(49), key: 'whit_sunday', kind: 'public' },
    { date: fromEaster(50), key: 'whit_monday', kind: 'public' },
    { date: iso(year, 6, 5), key: 'constitution_day', kind: 'customary' },
    { date: iso(year, 12, 24), key: 'christmas_eve', kind: 'customary' },
    { date: iso(year, 12, 25), key: 'christmas_day', kind: 'public' },
    { date: iso(year, 12, 26), key: 'boxing_day', kind: 'public' },
    { date: iso(year, 12, 31), key: 'new_years_eve', kind: 'customary' },
  ];
  return days.sort((x, y) => x.date.localeCompare(y.date));
}

/** A lookup of closed days for the years a schedule may touch. */
export function closedDayLookup(fromYear: number, toYear: number): (date: string) => ClosedDay | undefined {
  const map = new Map<string, ClosedDay>();
  for (let y = fromYear; y <= toYear; y++) for (const d of danishClosedDays(y)) map.set(d.date, d);
  return (date) => map.get(date);
}

export const holidayNames: Record<HolidayKey, { da: string; en: string }> = {
  new_years_day: { da: 'Nytårsdag', en: "New Year's Day" },
  maundy_thursday: { da: 'Skærtorsdag', en: 'Maundy Thursday' },
  good_friday: { da: 'Langfredag', en: 'Good Friday' },
  easter_sunday: { da: 'Påskedag', en: 'Easter Sunday' },
  easter_monday: { da: '2. påskedag', en: 'Easter Monday' },
  great_prayer_day: { da: 'Store bededag', en: 'Great Prayer Day' },
  ascension_day: { da: 'Kristi himmelfartsdag', en: 'Ascension Day' },
  whit_sunday: { da: 'Pinsedag', en: 'Whit Sunday' },
  whit_monday: { da: '2. pinsedag', en: 'Whit Monday' },
  constitution_day: { da: 'Grundlovsdag', en: 'Constitution Day' },
  christmas_eve: { da: 'Juleaftensdag', en: 'Christmas Eve' },
  christmas_day: { da: 'Juledag', en: 'Christmas Day' },
  boxing_day: { da: '2. juledag', en: 'Boxing Day' },
  new_years_eve: { da: 'Nytårsaftensdag', en: "New Year's Eve" },
};
