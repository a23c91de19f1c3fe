import { useI18n } from '../../i18n.tsx';

/** Texts of the scheduled-jobs page (issues 4 and 5: reminders, questionnaire links, the outbox), Danish and English. */
const da = {
  'jobs.title': 'Planlagte kørsler',
  'jobs.intro': 'Det, Ligevej gør af sig selv: sender links til slut- og opfølgningsspørgeskemaer, når de forfalder, sms-påmindelser før holdgange, afslutter rekrutteringskampagner og sletter deres kontaktdata, og sender beskeder fra udbakken. Her kan du se, hvornår det sidst skete, hvad det blev til, og om noget fejlede.',
  'jobs.on': 'Planlæggeren kører i serveren hvert {seconds}. sekund. Beskeder til borgere sendes kl. {from}–{to}.',
  'jobs.off': 'Planlæggeren er slået fra i serveren. Kørslerne startes i stedet af driften (ligevej jobs run fra cron).',
  'jobs.reminders': 'Påmindelser sendes {days} dag(e) før holdgangen, kun til deltagere med telefonnummer og {consent}.',
  'jobs.consent.required': 'et registreret samtykke til påmindelser på sms',
  'jobs.consent.unless_withdrawn': 'som ikke har trukket samtykket til påmindelser på sms tilbage',
  'jobs.jobs': 'Kørsler',
  'jobs.job': 'Kørsel', 'jobs.every': 'Hvor ofte', 'jobs.everyMinutes': 'hvert {n}. minut', 'jobs.everyMinute': 'hvert minut',
  'jobs.last': 'Seneste kørsel', 'jobs.never': 'Ikke kørt endnu',
  'jobs.runs': 'Seneste kørsler', 'jobs.empty': 'Ingen kørsler endnu.',
  'jobs.started': 'Startet', 'jobs.trigger': 'Startet af', 'jobs.status': 'Status', 'jobs.result': 'Resultat', 'jobs.error': 'Fejl',
  'jobs.trigger.scheduler': 'Planlæggeren', 'jobs.trigger.cli': 'Kommandolinjen', 'jobs.trigger.api': 'En medarbejder',
  'jobs.status.ok': 'Gennemført', 'jobs.status.failed': 'Fejlede', 'jobs.status.running': 'I gang',
  'jobs.count.linksCreated': 'links oprettet', 'jobs.count.withoutPhone': 'uden telefonnummer', 'jobs.count.sent': 'sendt', 'jobs.count.failed': 'ikke sendt',
  'jobs.count.queued': 'lagt i udbakken', 'jobs.count.withoutConsent': 'uden samtykke', 'jobs.count.campaignsEnded': 'kampagner afsluttet', 'jobs.count.erasedContacts': 'kontakter slettet',
  'jobs.reload': 'Opdatér',
  'jobs.action': 'Handling', 'jobs.runNow': 'Kør nu',
  'jobs.ranOk': '{job}: gennemført ({result}).', 'jobs.ranFailed': '{job}: fejlede – {error}',
} as const;
type Key = keyof typeof da;
const en: Record<Key, string> = {
  'jobs.title': 'Scheduled jobs',
  'jobs.intro': 'What Ligevej does by itself: sends links for end and follow-up questionnaires when they fall due, SMS reminders before team sessions, ends recruitment campaigns and erases their contact data, and sends the messages in the outbox. Here you can see when that last happened, what came of it, and whether anything failed.',
  'jobs.on': 'The scheduler runs in the server every {seconds} seconds. Messages to citizens go out {from}:00–{to}:00.',
  'jobs.off': 'The scheduler is off in the server. Operations start the jobs instead (ligevej jobs run from cron).',
  'jobs.reminders': 'Reminders go out {days} day(s) before the session, only to participants with a phone number and {consent}.',
  'jobs.consent.required': 'a recorded consent to SMS reminders',
  'jobs.consent.unless_withdrawn': 'who have not withdrawn their consent to SMS reminders',
  'jobs.jobs': 'Jobs',
  'jobs.job': 'Job', 'jobs.every': 'How often', 'jobs.everyMinutes': 'every {n} minutes', 'jobs.everyMinute': 'every minute',
  'jobs.last': 'Last run', 'jobs.never': 'Not run yet',
  'jobs.runs': 'Latest runs', 'jobs.empty': 'No runs yet.',
  'jobs.started': 'Started', 'jobs.trigger': 'Started by', 'jobs.status': 'Status', 'jobs.result': 'Result', 'jobs.error': 'Error',
  'jobs.trigger.scheduler': 'The scheduler', 'jobs.trigger.cli': 'The command line', 'jobs.trigger.api': 'A staff member',
  'jobs.status.ok': 'Done', 'jobs.status.failed': 'Failed', 'jobs.status.running': 'Running',
  'jobs.count.linksCreated': 'links created', 'jobs.count.withoutPhone': 'without a phone number', 'jobs.count.sent': 'sent', 'jobs.count.failed': 'not sent',
  'jobs.count.queued': 'queued', 'jobs.count.withoutConsent': 'without consent', 'jobs.count.campaignsEnded': 'campaigns ended', 'jobs.count.erasedContacts': 'contacts erased',
  'jobs.reload': 'Refresh',
  'jobs.action': 'Action', 'jobs.runNow': 'Run now',
  'jobs.ranOk': '{job}: done ({result}).', 'jobs.ranFailed': '{job}: failed – {error}',
};

export type JobsKey = Key;

/** The page's texts in the chosen language, with {name} placeholders filled in. */
export function useJobsText(): (key: Key, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return (key, params = {}) => (lang === 'en' ? en[key] : da[key]).replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`));
}

export const isJobsKey = (key: string): key is Key => Object.hasOwn(da, key);
