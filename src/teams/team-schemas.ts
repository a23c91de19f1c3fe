import { z } from 'zod';
import { id } from '../shared/schemas.ts';

export const attendanceValues = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof attendanceValues)[number] | 'not_called';

/** Attendance is the status of the participant's session encounter (migration 005). */
export const encounterStatusOf: Record<(typeof attendanceValues)[number], string> = { present: 'finished', absent: 'no-show', excused: 'cancelled' };
export function attendanceOf(encounterStatus: string | null): Attendance {
  switch (encounterStatus) {
    case 'finished': return 'present';
    case 'no-show': return 'absent';
    case 'cancelled': return 'excused';
    default: return 'not_called';
  }
}

const SessionRef = z.object({ id, number: z.number(), startAt: z.string() });
export const TeamOut = z.object({
  id, name: z.string(), interventionCode: z.string().nullable(), language: z.string(), location: z.string().nullable(),
  capacity: z.number().nullable(), startsOn: z.string().nullable(), weekday: z.number().nullable(), startTime: z.string().nullable(),
  sessionCount: z.number().nullable(), participants: z.number(), nextSession: SessionRef.nullable(), version: z.number(),
  offerId: id.nullable(), placeId: id.nullable(), waiting: z.number().describe('People waiting for, or offered, a place'),
});
export const SessionOut = z.object({
  id, teamId: id, number: z.number(), startAt: z.string(), endAt: z.string(), location: z.string().nullable(), status: z.string(),
  present: z.number(), absent: z.number(), excused: z.number(), version: z.number(),
});
export const TeamDetail = z.object({ team: TeamOut, sessions: z.array(SessionOut) });
export const Participant = z.object({
  referralId: id, citizenId: id, citizenName: z.string(), interventionId: id, stage: z.string(),
  encounterId: id.nullable(), encounterVersion: z.number().nullable(), attendance: z.enum([...attendanceValues, 'not_called']),
});
export const RollCall = z.object({
  session: SessionOut.extend({ teamName: z.string(), sessionCount: z.number().nullable() }),
  participants: z.array(Participant),
});
export const AttendanceInput = z.strictObject({
  referralId: id,
  attendance: z.enum(attendanceValues).describe('present = finished, absent = no-show, excused (afbud) = cancelled'),
  version: z.number().int().positive().nullable()
    .describe('The version of the attendance you saw; null when the participant had not been called yet. A stale version is refused with 412'),
});
