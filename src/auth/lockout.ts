/** What a failed or successful password check does to an account's counter (pure). */
export interface LoginCounter { failedLogins: number; locked: boolean }

export function afterFailure(counter: LoginCounter, maxFailed: number): LoginCounter {
  const failedLogins = counter.failedLogins + 1;
  return { failedLogins, locked: counter.locked || failedLogins >= maxFailed };
}

export const afterSuccess = (counter: LoginCounter): LoginCounter => (counter.locked ? counter : { failedLogins: 0, locked: false });

/** A session is idle-expired when nothing happened for longer than the idle limit. */
export const idleExpired = (lastSeen: Date, now: Date, idleMinutes: number): boolean =>
  now.getTime() - lastSeen.getTime() > idleMinutes * 60_000;
