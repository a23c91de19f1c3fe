/** Campaign channels and call outcomes (Langeland: "146 signed up, 80 of them by phone"). */
export const channels = ['phone', 'letter', 'door_to_door', 'poster', 'gp'] as const;
export type Channel = (typeof channels)[number];
export const outcomes = ['answered', 'no_answer', 'not_interested', 'recruited'] as const;
export type Outcome = (typeof outcomes)[number];

export interface Attempt { contactId: string; channel: Channel; outcome: Outcome; attemptedAt: string }
export interface ChannelResult { channel: Channel; contacts: number; attempts: number; recruited: number }

/**
 * Results per channel: a person counts as recruited by the channel of the attempt that recruited
 * them (the first such attempt), so each recruit is counted once; `contacts` are people tried on it.
 */
export function resultsByChannel(attempts: readonly Attempt[]): { total: { contacts: number; recruited: number }; channels: ChannelResult[] } {
  const sorted = [...attempts].sort((a, b) => a.attemptedAt.localeCompare(b.attemptedAt));
  const recruitedBy = new Map<string, Channel>();
  for (const a of sorted) if (a.outcome === 'recruited' && !recruitedBy.has(a.contactId)) recruitedBy.set(a.contactId, a.channel);
  return {
    total: { contacts: new Set(attempts.map((a) => a.contactId)).size, recruited: recruitedBy.size },
    channels: channels.map((channel) => {
      const on = attempts.filter((a) => a.channel === channel);
      return { channel, contacts: new Set(on.map((a) => a.contactId)).size, attempts: on.length, recruited: [...recruitedBy.values()].filter((c) => c === channel).length };
    }),
  };
}
