/**
 * The scheduler's rules (pure): which time-driven jobs exist, how often each runs, and which are due
 * for a municipality given the clock and the last runs. No I/O here; the runner (runner.ts) reads the
 * last runs, asks dueJobs and runs what it says.
 */

export const jobNames = ['questionnaire-tasks', 'session-reminders', 'campaign-ends', 'kl-gateway', 'outbox'] as const;
export type JobName = (typeof jobNames)[number];

export interface JobDefinition {
  name: JobName;
  /** Minimum minutes between two runs for one municipality. */
  everyMinutes: number;
  /** Queues messages to citizens: only runs inside the sending hours (no SMS at night). */
  citizenFacing: boolean;
  label: { da: string; en: string };
}

export const jobDefinitions: Record<JobName, JobDefinition> = {
  outbox: { name: 'outbox', everyMinutes: 1, citizenFacing: false, label: { da: 'Send beskeder fra udbakken', en: 'Send messages from the outbox' } },
  'questionnaire-tasks': { name: 'questionnaire-tasks', everyMinutes: 60, citizenFacing: true, label: { da: 'Send links til slut- og opfølgningsspørgeskemaer', en: 'Send links for end and follow-up questionnaires' } },
  'session-reminders': { name: 'session-reminders', everyMinutes: 60, citizenFacing: true, label: { da: 'SMS-påmindelser før holdgange', en: 'SMS reminders before team sessions' } },
  'campaign-ends': { name: 'campaign-ends', everyMinutes: 60, citizenFacing: false, label: { da: 'Afslut udløbne rekrutteringskampagner (slet kontaktdata)', en: 'End expired recruitment campaigns (erase contact data)' } },
  'kl-gateway': { name: 'kl-gateway', everyMinutes: 720, citizenFacing: false, label: { da: 'Indberet §119-forløb til KL Gateway', en: 'Report §119 pathways to KL Gateway' } },
};

export const isJobName = (s: string): s is JobName => (jobNames as readonly string[]).includes(s);

export interface SendHours { from: number; to: number }

/** A job's own timing, instead of its definition's interval: at most every everyMinutes, and only inside the local hours. */
export interface JobTiming { everyMinutes: number; hours: SendHours }

export interface JobSettings {
  /** The scheduler runs inside `ligevej start` when enabled (LIGEVEJ_JOBS, on unless set to off). */
  enabled: boolean;
  /** Seconds between two ticks of the scheduler. */
  intervalSeconds: number;
  /** Local hours (Europe/Copenhagen) in which messages to citizens are queued: from ≤ hour < to. */
  sendHours: SendHours;
  /** Session reminders go out this many days before the session's local date. */
  reminderDaysBefore: number;
  /** 'required': only citizens whose SMS-reminder consent is given; 'unless_withdrawn': all with a phone unless withdrawn. */
  reminderConsent: 'required' | 'unless_withdrawn';
  /** A running job older than this is taken to be interrupted (its process died) and may run again. */
  leaseMinutes: number;
  /** Jobs with their own timing (LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES, LIGEVEJ_KL_GATEWAY_JOB_HOURS): KL Gateway reporting nightly. */
  timing?: Partial<Record<JobName, JobTiming>>;
}

/** The settings of a config built without them (tests, tools): the scheduler off. */
export const defaultJobSettings: JobSettings = {
  enabled: false, intervalSeconds: 60, sendHours: { from: 9, to: 20 }, reminderDaysBefore: 1, reminderConsent: 'required', leaseMinutes: 30,
  // Once a night: between 01:00 and 05:00 local time, at most every 12 hours.
  timing: { 'kl-gateway': { everyMinutes: 720, hours: { from: 1, to: 5 } } },
};

type Env = Record<string, string | undefined>;

function integer(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** "9-20": from 09:00 to 20:00 local time. */
export function parseSendHours(value: string | undefined, fallback: SendHours = defaultJobSettings.sendHours, name = 'LIGEVEJ_JOBS_SEND_HOURS'): SendHours {
  if (value === undefined || value === '') return fallback;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || from < 0 || to > 24 || from >= to) throw new Error(`${name} must be FROM-TO in whole hours, e.g. 9-20`);
  return { from, to };
}

const klGatewayTiming = defaultJobSettings.timing!['kl-gateway']!;

/** How often a job runs: its own timing if set, else its definition's interval. */
export const everyMinutesOf = (name: JobName, settings: Pick<JobSettings, 'timing'>): number => settings.timing?.[name]?.everyMinutes ?? jobDefinitions[name].everyMinutes;

export function jobSettingsFrom(env: Env): JobSettings {
  const onOff = (env.LIGEVEJ_JOBS || 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false'].includes(onOff)) throw new Error('LIGEVEJ_JOBS must be on or off');
  const consent = env.LIGEVEJ_REMINDER_CONSENT ?? defaultJobSettings.reminderConsent;
  if (consent !== 'required' && consent !== 'unless_withdrawn') throw new Error('LIGEVEJ_REMINDER_CONSENT must be required or unless_withdrawn');
  return {
    enabled: onOff === 'on' || onOff === 'true',
    intervalSeconds: integer(env.LIGEVEJ_JOBS_INTERVAL_SECONDS, defaultJobSettings.intervalSeconds, 'LIGEVEJ_JOBS_INTERVAL_SECONDS', 5, 86_400),
    sendHours: parseSendHours(env.LIGEVEJ_JOBS_SEND_HOURS),
    reminderDaysBefore: integer(env.LIGEVEJ_REMINDER_DAYS_BEFORE, defaultJobSettings.reminderDaysBefore, 'LIGEVEJ_REMINDER_DAYS_BEFORE', 0, 14),
    reminderConsent: consent,
    leaseMinutes: integer(env.LIGEVEJ_JOBS_LEASE_MINUTES, defaultJobSettings.leaseMinutes, 'LIGEVEJ_JOBS_LEASE_MINUTES', 1, 1440),
    timing: {
      'kl-gateway': {
        everyMinutes: integer(env.LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES, klGatewayTiming.everyMinutes, 'LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES', 5, 10_080),
        hours: parseSendHours(env.LIGEVEJ_KL_GATEWAY_JOB_HOURS, klGatewayTiming.hours, 'LIGEVEJ_KL_GATEWAY_JOB_HOURS'),
      },
    },
  };
}

const ZONE = 'Europe/Copenhagen';
const parts = (d: Date) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
};

/** The local (Copenhagen) date of an instant, as YYYY-MM-DD. */
export function localDate(d: Date): string {
  const p = parts(d);
  return `${p.y}-${String(p.mo).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export const localHour = (d: Date): number => parts(d).h;

/** The instant local midnight begins on a date (YYYY-MM-DD), across daylight-saving changes. */
export function localMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = parts(new Date(guess));
    const shown = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
    guess += wall - shown;
  }
  return new Date(guess);
}

/** The date (YYYY-MM-DD) a number of days after another. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Reminders cover every session that starts after now and before the end of the local day
 * `daysBefore` days ahead: with 1, on Monday the sessions of Monday (not yet reminded, e.g. a
 * participant who joined late) and Tuesday. The outbox's dedupe key keeps it to one per session.
 */
export const reminderHorizon = (now: Date, daysBefore: number): Date => localMidnight(addDays(localDate(now), daysBefore + 1));

export const withinSendHours = (now: Date, hours: SendHours): boolean => {
  const h = localHour(now);
  return h >= hours.from && h < hours.to;
};

export interface LastRun { job: string; startedAt: Date; status: 'running' | 'ok' | 'failed' }

/**
 * The jobs due for one municipality now: never run, or last started at least the job's interval
 * ago; a job still running (lease not expired) is not due; jobs that message citizens only inside
 * the sending hours; a job with its own timing only inside its hours. In definition order: the outbox last, so it also sends what the others queued
 * and could not send (they send their own messages straight after committing).
 */
export function dueJobs(now: Date, lastRuns: readonly LastRun[], settings: Pick<JobSettings, 'sendHours' | 'leaseMinutes' | 'timing'>, only: readonly JobName[] = jobNames): JobName[] {
  return only.filter((name) => {
    const def = jobDefinitions[name];
    if (def.citizenFacing && !withinSendHours(now, settings.sendHours)) return false;
    const own = settings.timing?.[name];
    if (own && !withinSendHours(now, own.hours)) return false;
    const last = lastRuns.filter((r) => r.job === name).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
    if (!last) return true;
    const minutesSince = (now.getTime() - last.startedAt.getTime()) / 60_000;
    if (last.status === 'running') return minutesSince >= settings.leaseMinutes;
    return minutesSince >= everyMinutesOf(name, settings);
  });
}

/** The job settings of a config, with defaults (scheduler off) for configs built without them (tests, tools); loadConfig switches it on unless LIGEVEJ_JOBS=off. */
export const jobsOf = (config: { jobs?: JobSettings }): JobSettings => config.jobs ?? defaultJobSettings;
