import { z } from 'zod';
import { id, version } from '../shared/schemas.ts';

export const WaitingInput = z.strictObject({ referralId: id, note: z.string().trim().min(1).max(500).optional() });
export const WaitingStatusInput = z.strictObject({ version, status: z.enum(['declined', 'withdrawn']) });
export const WaitingEntry = z.object({
  id, teamId: id, referralId: id, citizenId: id, citizenName: z.string(), queuedAt: z.string(),
  status: z.enum(['waiting', 'offered', 'enrolled', 'declined', 'withdrawn']), offeredAt: z.string().nullable(), note: z.string().nullable(),
  version: z.number(), position: z.number().nullable().describe('Place in the queue while waiting'),
  notification: z.object({ status: z.string(), channel: z.string(), sentAt: z.string().nullable() }).nullable()
    .describe('The latest message about a free place, and whether it has been sent'),
});
