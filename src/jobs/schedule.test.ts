import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultJobSettings, dueJobs, jobSettingsFrom, localDate, localMidnight, parseSendHours, reminderHorizon, withinSendHours, type LastRun } from './schedule.ts';
import { reminderAllowed } from '../teams/reminders.ts';

const at = (iso: string) => new Date(iso);
const settings = { sendHours: { from: 9, to: 20 }, leaseMinutes: 30, timing: defaultJobSettings.timing };
const run = (job: string, startedAt: string, status: LastRun['status'] = 'ok'): LastRun => ({ job, startedAt: at(startedAt), status });

describe('which jobs are due', () => {
  it('runs every job that has never run, in order with the outbox last, inside the sending hours', () => {
    // 09:00 UTC on 2 March is 10:00 in Copenhagen (winter time).
    assert.deepEqual(dueJobs(at('2026-03-02T09:00:00Z'), [], settings), ['questionnaire-tasks', 'session-reminders', 'campaign-ends', 'outbox']);
  });

  it('queues no messages to citizens at night, but keeps ending campaigns, reports to KL Gateway and sends the outbox', () => {
    assert.deepEqual(dueJobs(at('2026-03-02T02:00:00Z'), [], settings), ['campaign-ends', 'kl-gateway', 'outbox']);
    assert.equal(withinSendHours(at('2026-03-02T07:59:00Z'), settings.sendHours), false, '08:59 local');
    assert.equal(withinSendHours(at('2026-03-02T08:00:00Z'), settings.sendHours), true, '09:00 local');
    assert.equal(withinSendHours(at('2026-03-02T18:59:00Z'), settings.sendHours), true, '19:59 local');
    assert.equal(withinSendHours(at('2026-03-02T19:00:00Z'), settings.sendHours), false, '20:00 local');
    assert.equal(withinSendHours(at('2026-07-01T07:00:00Z'), settings.sendHours), true, '09:00 local in summer time (UTC+2)');
  });

  it('waits each job\'s interval after its last start, whether that run went well or failed', () => {
    const now = '2026-03-02T10:00:00Z';
    const runs = [run('questionnaire-tasks', '2026-03-02T09:30:00Z'), run('session-reminders', '2026-03-02T09:00:00Z', 'failed'),
      run('session-reminders', '2026-03-02T08:00:00Z'), run('campaign-ends', '2026-03-02T09:01:00Z'), run('outbox', '2026-03-02T09:59:30Z')];
    assert.deepEqual(dueJobs(at(now), runs, settings), ['session-reminders'], 'questionnaire-tasks 30 min ago (<60), campaign-ends 59 min ago, outbox 30 s ago (<1 min)');
    assert.deepEqual(dueJobs(at('2026-03-02T10:01:00Z'), runs, settings), ['session-reminders', 'campaign-ends', 'outbox']);
  });

  it('does not start a job another process is running, unless its lease has run out (the process died)', () => {
    const runs = [run('outbox', '2026-03-02T09:45:00Z', 'running')];
    assert.deepEqual(dueJobs(at('2026-03-02T10:00:00Z'), runs, settings, ['outbox']), []);
    assert.deepEqual(dueJobs(at('2026-03-02T10:15:00Z'), runs, settings, ['outbox']), ['outbox'], '30 minutes after it started');
  });

  it('reports to KL Gateway once a night by default, between 01:00 and 05:00 local time, and as configured', () => {
    const only = ['kl-gateway'] as const;
    assert.deepEqual(dueJobs(at('2026-03-02T23:59:00Z'), [], settings, only), [], '00:59 local');
    assert.deepEqual(dueJobs(at('2026-03-03T00:00:00Z'), [], settings, only), ['kl-gateway'], '01:00 local');
    assert.deepEqual(dueJobs(at('2026-03-03T04:00:00Z'), [], settings, only), [], '05:00 local');
    const lastNight = [run('kl-gateway', '2026-03-03T00:00:00Z')];
    assert.deepEqual(dueJobs(at('2026-03-03T03:59:00Z'), lastNight, settings, only), [], 'not twice the same night');
    assert.deepEqual(dueJobs(at('2026-03-04T00:00:00Z'), lastNight, settings, only), ['kl-gateway'], 'the next night');
    assert.deepEqual(dueJobs(at('2026-07-01T22:30:00Z'), [], settings, only), [], '00:30 local in summer time (UTC+2)');
    assert.deepEqual(dueJobs(at('2026-07-01T23:30:00Z'), [], settings, only), ['kl-gateway'], '01:30 local in summer time');
  });

  it('reads the KL Gateway job\'s timing from the environment, and refuses nonsense', () => {
    assert.deepEqual(jobSettingsFrom({}).timing?.['kl-gateway'], { everyMinutes: 720, hours: { from: 1, to: 5 } });
    assert.deepEqual(jobSettingsFrom({ LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES: '60', LIGEVEJ_KL_GATEWAY_JOB_HOURS: '0-24' }).timing?.['kl-gateway'], { everyMinutes: 60, hours: { from: 0, to: 24 } });
    assert.throws(() => jobSettingsFrom({ LIGEVEJ_KL_GATEWAY_JOB_HOURS: '5-1' }), /LIGEVEJ_KL_GATEWAY_JOB_HOURS must be FROM-TO/);
    assert.throws(() => jobSettingsFrom({ LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES: '2' }), /LIGEVEJ_KL_GATEWAY_JOB_EVERY_MINUTES must be a whole number from 5 to 10080/);
  });

  it('considers only the jobs asked for', () => {
    assert.deepEqual(dueJobs(at('2026-03-02T09:00:00Z'), [], settings, ['outbox', 'session-reminders']), ['outbox', 'session-reminders']);
  });
});

describe('when reminders go out', () => {
  it('covers the sessions until the end of tomorrow (local time) with one day before', () => {
    assert.equal(reminderHorizon(at('2026-03-02T09:00:00Z'), 1).toISOString(), '2026-03-03T23:00:00.000Z');
    assert.equal(reminderHorizon(at('2026-03-02T23:30:00Z'), 1).toISOString(), '2026-03-04T23:00:00.000Z', '00:30 local is already 3 March');
    assert.equal(reminderHorizon(at('2026-03-02T09:00:00Z'), 0).toISOString(), '2026-03-02T23:00:00.000Z', 'on the day itself');
    assert.equal(reminderHorizon(at('2026-03-02T09:00:00Z'), 2).toISOString(), '2026-03-04T23:00:00.000Z');
  });

  it('finds local midnight across the daylight-saving changes', () => {
    assert.equal(localMidnight('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z', 'the spring change happens at 02:00, after midnight');
    assert.equal(localMidnight('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z', 'summer time');
    assert.equal(reminderHorizon(at('2026-03-28T10:00:00Z'), 1).toISOString(), '2026-03-29T22:00:00.000Z', 'Saturday reminds of Sunday, which has 23 hours');
    assert.equal(localMidnight('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z', 'back to winter time');
    assert.equal(localDate(at('2026-10-25T22:59:00Z')), '2026-10-25');
    assert.equal(localDate(at('2026-10-25T23:00:00Z')), '2026-10-26');
  });

  it('respects the SMS consent registry: required means a given consent in effect; otherwise only a withdrawal stops them', () => {
    const given = { purpose: 'sms_reminders' as const, state: 'given' as const, effectiveOn: '2026-02-01', method: 'oral', recordedAt: '2026-02-01T10:00:00Z' };
    const withdrawn = { ...given, state: 'withdrawn' as const, effectiveOn: '2026-02-20', recordedAt: '2026-02-20T10:00:00Z' };
    const other = { ...given, purpose: 'research' as const };
    assert.equal(reminderAllowed('required', [], '2026-03-02'), false, 'nothing recorded');
    assert.equal(reminderAllowed('required', [other], '2026-03-02'), false, 'a consent for another purpose');
    assert.equal(reminderAllowed('required', [given], '2026-03-02'), true);
    assert.equal(reminderAllowed('required', [given, withdrawn], '2026-03-02'), false);
    assert.equal(reminderAllowed('required', [given, withdrawn], '2026-02-19'), true, 'the withdrawal is not in effect yet');
    assert.equal(reminderAllowed('required', [{ ...given, effectiveOn: '2026-03-03' }], '2026-03-02'), false, 'a consent from tomorrow');
    assert.equal(reminderAllowed('unless_withdrawn', [], '2026-03-02'), true);
    assert.equal(reminderAllowed('unless_withdrawn', [given, withdrawn], '2026-03-02'), false);
  });
});

describe('the scheduler\'s settings', () => {
  it('runs in the server unless switched off, and is off in configs built without it (tests)', () => {
    assert.deepEqual(jobSettingsFrom({}), { ...defaultJobSettings, enabled: true });
    assert.equal(jobSettingsFrom({ LIGEVEJ_JOBS: 'off' }).enabled, false);
    assert.equal(defaultJobSettings.enabled, false);
    const s = jobSettingsFrom({ LIGEVEJ_JOBS: 'on', LIGEVEJ_JOBS_INTERVAL_SECONDS: '30', LIGEVEJ_JOBS_SEND_HOURS: '8-21', LIGEVEJ_REMINDER_DAYS_BEFORE: '2', LIGEVEJ_REMINDER_CONSENT: 'unless_withdrawn' });
    assert.deepEqual([s.enabled, s.intervalSeconds, s.sendHours, s.reminderDaysBefore, s.reminderConsent], [true, 30, { from: 8, to: 21 }, 2, 'unless_withdrawn']);
  });

  it('refuses settings it cannot honour, naming the variable', () => {
    assert.throws(() => jobSettingsFrom({ LIGEVEJ_JOBS: 'sometimes' }), /LIGEVEJ_JOBS must be on or off/);
    assert.throws(() => jobSettingsFrom({ LIGEVEJ_JOBS_INTERVAL_SECONDS: '1' }), /LIGEVEJ_JOBS_INTERVAL_SECONDS/);
    assert.throws(() => jobSettingsFrom({ LIGEVEJ_REMINDER_CONSENT: 'never' }), /LIGEVEJ_REMINDER_CONSENT/);
    assert.throws(() => parseSendHours('20-9'), /LIGEVEJ_JOBS_SEND_HOURS/);
    assert.throws(() => parseSendHours('9'), /LIGEVEJ_JOBS_SEND_HOURS/);
  });
});
