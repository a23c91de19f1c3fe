/** Server texts of the scheduler (src/jobs/), merged into src/shared/messages.*.ts. */
export const jobsDa = {
  'rule.jobs.outside_send_hours': 'Feltet "{path}": kørslen sender beskeder til borgere og må kun startes kl. {from}–{to}. Prøv igen inden for det tidsrum.',
  'rule.jobs.running': 'Feltet "{path}": kørslen er allerede i gang (startet af planlæggeren eller en kollega). Vent, og se resultatet i listen.',
} as const;

export const jobsEn: Record<keyof typeof jobsDa, string> = {
  'rule.jobs.outside_send_hours': 'Field "{path}": the job sends messages to citizens and may only be started {from}:00–{to}:00. Try again within those hours.',
  'rule.jobs.running': 'Field "{path}": the job is already running (started by the scheduler or a colleague). Wait, and see the result in the list.',
};
