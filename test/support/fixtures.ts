import { randomInt } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';
import type { Client } from './harness.ts';
import { code } from './codes.ts';

/** A fresh, valid CPR number (day 01-28, a 1950s year) so tests never collide. */
export function freshCpr(): string {
  const dd = String(randomInt(1, 29)).padStart(2, '0');
  const mm = String(randomInt(1, 13)).padStart(2, '0');
  return `${dd}${mm}5${randomInt(0, 10)}-${String(randomInt(0, 4000)).padStart(4, '0')}`;
}

export async function createCitizen(client: Client, givenName: string, familyName: string): Promise<{ id: string }> {
  const res = await client.post('/api/citizens', { cpr: freshCpr(), givenName, familyName });
  if (res.status !== 201) throw new Error(`citizen: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createReferral(client: Client, citizenId: string, receivedAt: string): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/referrals', {
    citizenId, sourceCode: code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }], receivedAt,
  });
  if (res.status !== 201) throw new Error(`referral: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs course steps in order, each on the version the previous one returned. */
export async function steps(client: Client, referralId: string, version: number, list: [string, Record<string, unknown>][]): Promise<number> {
  let v = version;
  for (const [path, body] of list) {
    const res = await client.post(`/api/referrals/${referralId}/${path}`, { version: v, ...body });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    v = res.body.version;
  }
  return v;
}

/** A team meeting weekly, `count` sessions of 90 minutes from `firstStart` (written as the owner, as the planner's tool would). */
export async function createTeam(db: Database, municipalityId: string, name: string, firstStart: Date, count = 8): Promise<{ id: string; sessionIds: string[] }> {
  const team = (await db.owner.query<{ id: string }>(
    `INSERT INTO team (municipality_id, name, intervention_code, location, capacity, starts_on, weekday, start_time, session_count)
     VALUES ($1, $2, $3, 'Sundhedshuset, sal 2', 12, $4, $5, $6, $7) RETURNING id`,
    [municipalityId, name, code('interventions119', 'Fysisk træning'), firstStart.toISOString().slice(0, 10), ((firstStart.getUTCDay() + 6) % 7) + 1,
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(firstStart), count])).rows[0]!;
  const sessionIds: string[] = [];
  for (let n = 1; n <= count; n++) {
    const start = new Date(firstStart.getTime() + (n - 1) * 7 * 86_400_000);
    sessionIds.push((await db.owner.query<{ id: string }>(
      'INSERT INTO team_session (municipality_id, team_id, number, start_at, end_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [municipalityId, team.id, n, start.toISOString(), new Date(start.getTime() + 90 * 60_000).toISOString()])).rows[0]!.id);
  }
  return { id: team.id, sessionIds };
}

/** The clarifying conversation and the pathway with one group intervention on a team. */
export const conversationStep = (startAt: string): [string, Record<string, unknown>] =>
  ['clarifying-conversation', { startAt, endAt: new Date(Date.parse(startAt) + 3_600_000).toISOString(), class: 'AMB' }];
export const pathwayStep = (grantedOn: string, teamId?: string, coordinatorId?: string): [string, Record<string, unknown>] =>
  ['pathway', {
    category: 'intervention', grantedOn, ...(coordinatorId ? { coordinatorId } : {}),
    interventions: [{ fsiiiCode: code('interventions119', 'Fysisk træning'), deliveryType: code('deliveryTypes', 'Gruppebaseret indsats'), ...(teamId ? { teamId } : {}) }],
  }];
