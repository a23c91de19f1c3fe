/** Campaign channels and call outcomes (Langeland: "146 signed up, 80 of them by phone"). */
export const channels = ['phone', 'letter', 'door_to_door', 'poster', 'gp'] as const;
export type Channel = (typeof channels)[number];
export const outcomes = ['answered', 'no_answer', 'not_interested', 'recruited'] as const;
export type Outcome = (typeof outcomes)[number];

export interface Attempt { contactId: string; channel: Channel; outcome: Outcome; attemptedAt: string }
export interface ChannelResult { channel: Channel; contacts: number; attempts: number; recruited: number; enrolled: number }

/**
 * Results per channel: a person counts as recruited by the channel of the attempt that recruited
 * them (the first such attempt), so each recruit is counted once; `contacts` are people tried on it.
 * `enrolled` are the people who went on to enrol (their referral linked), counted by the channel
 * that recruited them; the total also counts those enrolled without a recorded recruiting attempt.
 */
export function resultsByChannel(attempts: readonly Attempt[], enrolled: ReadonlySet<string> = new Set()): {
  total: { contacts: number; recruited: number; enrolled: number }; channels: ChannelResult[];
} {
  const sorted = [...attempts].sort((a, b) => a.attemptedAt.localeCompare(b.attemptedAt));
  const recruitedBy = new Map<string, Channel>();
  for (const a of sorted) if (a.outcome === 'recruited' && !recruitedBy.has(a.contactId)) recruitedBy.set(a.contactId, a.channel);
  return {
    total: { contacts: new Set(attempts.map((a) => a.contactId)).size, recruited: recruitedBy.size, enrolled: enrolled.size },
    channels: channels.map((channel) => {
      const on = attempts.filter((a) => a.channel === channel);
      const recruitedHere = [...recruitedBy].filter(([, c]) => c === channel).map(([contactId]) => contactId);
      return { channel, contacts: new Set(on.map((a) => a.contactId)).size, attempts: on.length, recruited: recruitedHere.length, enrolled: recruitedHere.filter((id) => enrolled.has(id)).length };
    }),
  };
}
