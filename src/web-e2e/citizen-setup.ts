import assert from 'node:assert/strict';
import type { Client } from '../../test/support/harness.ts';
import { code } from '../../test/support/codes.ts';
import { freshCpr } from '../../test/support/fixtures.ts';

/** A citizen with a referral that has been contacted (reached by phone): ready for the clarifying conversation. */
export async function contactedReferral(nurse: Client, givenName: string, familyName: string, preferredLanguage = 'da'): Promise<{ citizenId: string; referralId: string; version: number; cpr: string }> {
  const cpr = freshCpr();
  const citizen = await nurse.post('/api/citizens', { cpr, givenName, familyName, phone: '+45 20 30 40 50', preferredLanguage });
  assert.equal(citizen.status, 201, JSON.stringify(citizen.body));
  const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const referral = await nurse.post('/api/referrals', { citizenId: citizen.body.id, sourceCode: code('referralSources', 'Egen læge/vagtlæge'), diagnoses: [{ system: 'SKS', code: 'DE11' }], receivedAt });
  assert.equal(referral.status, 201, JSON.stringify(referral.body));
  const contacted = await nurse.post(`/api/referrals/${referral.body.id}/contact-attempts`, { version: referral.body.version, attemptedAt: new Date(Date.now() - 86_400_000).toISOString(), channel: 'phone', outcome: 'reached' });
  assert.ok(contacted.status < 300, JSON.stringify(contacted.body));
  return { citizenId: citizen.body.id, referralId: referral.body.id, version: contacted.body.version, cpr };
}

/** A personal link handed over without a message (channel none); returns the page's path with the token in the fragment. */
export async function personalLink(nurse: Client, referralId: string, opts: { requireBirthDate?: boolean; language?: string; questionnaire?: { url: string } } = {}): Promise<{ id: string; path: string; version: number }> {
  const sent = await nurse.post(`/api/referrals/${referralId}/questionnaire-links`, { timePoint: 'baseline', channel: 'none', ...opts });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return { id: sent.body.id, path: `/svar#${(sent.body.url as string).split('#')[1]!}`, version: sent.body.version };
}

/** The birth date in a test CPR number (freshCpr makes 1950s births). */
export const birthDateOf = (cpr: string): { day: string; month: string; year: string } => ({ day: cpr.slice(0, 2), month: cpr.slice(2, 4), year: `19${cpr.slice(4, 6)}` });
