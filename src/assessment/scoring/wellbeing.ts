import { code, num, texts, type Flag, type GroupAnswers, type InstrumentResult } from './types.ts';

/** Self-rated health, 1 excellent … 5 poor; 4-5 ("not so good", "poor") is a known predictor worth talking about. */
export function scoreSelfRatedHealth(a: GroupAnswers): InstrumentResult {
  const c = code(a, '1');
  const score = c === null ? null : Number(c);
  return {
    instrument: 'srh', domain: 'body', score,
    values: { selfRatedHealth: score },
    flags: score !== null && score >= 4 ? [{ code: 'srh.poor', severity: 'attention' }] : [],
  };
}

export function scoreNetwork(a: GroupAnswers): InstrumentResult {
  const lonely = code(a, 'lonely');
  const support = code(a, 'support');
  const flags: Flag[] = [];
  if (lonely === 'often') flags.push({ code: 'network.lonely_often', severity: 'concern' });
  if (lonely === 'sometimes') flags.push({ code: 'network.lonely_sometimes', severity: 'attention' });
  if (support === 'no') flags.push({ code: 'network.no_support', severity: 'attention' });
  return { instrument: 'network', domain: 'network', score: null, values: { unwantedLoneliness: lonely, someoneToTalkTo: support }, flags };
}

/** Adults need about 7-9 hours; under 6 hours is short sleep. */
export const SHORT_SLEEP_HOURS = 6;
export function scoreSleep(a: GroupAnswers): InstrumentResult {
  const quality = code(a, 'quality');
  const hours = num(a, 'hours');
  const flags: Flag[] = [];
  if (quality === 'poorly' || quality === 'very_poorly') flags.push({ code: 'sleep.poor', severity: 'attention' });
  if (hours !== null && hours < SHORT_SLEEP_HOURS) flags.push({ code: 'sleep.short', severity: 'attention', params: { hours } });
  return { instrument: 'sleep', domain: 'everyday_life', score: hours, values: { sleepQuality: quality, hoursPerNight: hours }, flags };
}

export function scoreEveryday(a: GroupAnswers): InstrumentResult {
  const coping = code(a, 'coping');
  const limits = code(a, 'limits');
  const flags: Flag[] = [];
  if (coping === 'very_hard') flags.push({ code: 'everyday.very_hard', severity: 'concern' });
  else if (coping === 'hard') flags.push({ code: 'everyday.hard', severity: 'attention' });
  if (limits === 'a_lot') flags.push({ code: 'everyday.limited', severity: 'attention' });
  return { instrument: 'everyday', domain: 'everyday_life', score: null, values: { copingInDailyLife: coping, limitedByHealth: limits }, flags };
}

export function scoreWhatMatters(a: GroupAnswers): InstrumentResult {
  const readiness = code(a, 'readiness');
  const barriers = texts(a, 'barriers');
  const flags: Flag[] = [];
  if (readiness === 'not_now') flags.push({ code: 'motivation.not_ready', severity: 'info' });
  if (barriers.length) flags.push({ code: 'barriers.noted', severity: 'attention' });
  return {
    instrument: 'what_matters', domain: 'resources', score: null,
    values: { important: texts(a, 'important')[0] ?? null, goals: texts(a, 'goals'), readiness, barriers: barriers[0] ?? null },
    flags,
  };
}

/** Goal attainment and satisfaction, 0-10, at the end; low satisfaction (≤ 4) is worth a follow-up question. */
export function scoreGoalsEnd(a: GroupAnswers): InstrumentResult {
  const attainment = num(a, 'attainment');
  const satisfaction = num(a, 'satisfaction');
  return {
    instrument: 'goals_end', domain: 'resources', score: attainment,
    values: { goalAttainment: attainment, satisfaction, keepHabits: texts(a, 'keep_habits')[0] ?? null },
    flags: satisfaction !== null && satisfaction <= 4 ? [{ code: 'goals.low_satisfaction', severity: 'attention', params: { satisfaction } }] : [],
  };
}

export function scoreGoalsFollowUp(a: GroupAnswers): InstrumentResult {
  const attainment = num(a, 'attainment');
  return { instrument: 'goals_follow_up', domain: 'resources', score: attainment, values: { keptUp: attainment, activityOffer: code(a, 'activity_offer') }, flags: [] };
}
