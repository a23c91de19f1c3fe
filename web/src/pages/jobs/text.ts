import { useI18n } from '../../i18n.tsx';

/** Texts of the scheduled-jobs page (issues 4 and 5: reminders, questionnaire links, the outbox) as Danish/English pairs. */
const pairs = {
  'jobs.title': ['Planlagte kørsler', 'Scheduled jobs'],
  'jobs.intro': [
    'Det, Ligevej gør af sig selv: sender links til slut- og opfølgningsspørgeskemaer, når de forfalder, sms-påmindelser før holdgange, afslutter rekrutteringskampagner og sletter deres kontaktdata, og sender beskeder fra udbakken. Her kan du se, hvornår det sidst skete, hvad det blev til, og om noget fejlede.',
    'What Ligevej does by itself: sends links for end and follow-up questionnaires when they fall due, SMS reminders before team sessions, ends recruitment campaigns and erases their contact data, and sends the messages in the outbox. Here you can see when that last happened, what came of it, and whether anything failed.'],
  'jobs.on': ['Planlæggeren kører i serveren hvert {seconds}. sekund. Beskeder til borgere sendes kl. {from}–{to}.', 'The scheduler runs in the server every {seconds} seconds. Messages to citizens go out {from}:00–{to}:00.'],
  'jobs.off': ['Planlæggeren er slået fra i serveren. Kørslerne startes i stedet af driften (ligevej jobs run fra cron).', 'The scheduler is off in the server. Operations start the jobs instead (ligevej jobs run from cron).'],
  'jobs.reminders': ['Påmindelser sendes {days} dag(e) før holdgangen, kun til deltagere med telefonnummer og {consent}.', 'Reminders go out {days} day(s) before the session, only to participants with a phone number and {consent}.'],
  'jobs.consent.required': ['et registreret samtykke til påmindelser på sms', 'a recorded consent to SMS reminders'],
  'jobs.consent.unless_withdrawn': ['som ikke har trukket samtykket til påmindelser på sms tilbage', 'who have not withdrawn their consent to SMS reminders'],
  'jobs.jobs': ['Kørsler', 'Jobs'],
  'jobs.job': ['Kørsel', 'Job'],
  'jobs.every': ['Hvor ofte', 'How often'],
  'jobs.everyMinutes': ['hvert {n}. minut', 'every {n} minutes'],
  'jobs.everyMinute': ['hvert minut', 'every minute'],
  'jobs.last': ['Seneste kørsel', 'Last run'],
  'jobs.never': ['Ikke kørt endnu', 'Not run yet'],
  'jobs.runs': ['Seneste kørsler', 'Latest runs'],
  'jobs.empty': ['Ingen kørsler endnu.', 'No runs yet.'],
  'jobs.started': ['Startet', 'Started'],
  'jobs.trigger': ['Startet af', 'Started by'],
  'jobs.status': ['Status', 'Status'],
  'jobs.result': ['Resultat', 'Result'],
  'jobs.error': ['Fejl', 'Error'],
  'jobs.trigger.scheduler': ['Planlæggeren', 'The scheduler'],
  'jobs.trigger.cli': ['Kommandolinjen', 'The command line'],
  'jobs.trigger.api': ['En medarbejder', 'A staff member'],
  'jobs.status.ok': ['Gennemført', 'Done'],
  'jobs.status.failed': ['Fejlede', 'Failed'],
  'jobs.status.running': ['I gang', 'Running'],
  'jobs.count.linksCreated': ['links oprettet', 'links created'],
  'jobs.count.withoutPhone': ['uden telefonnummer', 'without a phone number'],
  'jobs.count.sent': ['sendt', 'sent'],
  'jobs.count.failed': ['ikke sendt', 'not sent'],
  'jobs.count.queued': ['lagt i udbakken', 'queued'],
  'jobs.count.withoutConsent': ['uden samtykke', 'without consent'],
  'jobs.count.campaignsEnded': ['kampagner afsluttet', 'campaigns ended'],
  'jobs.count.erasedContacts': ['kontakter slettet', 'contacts erased'],
  'jobs.count.reports': ['indberetninger dannet', 'reports built'],
  'jobs.count.invalid': ['ugyldige', 'invalid'],
  'jobs.count.accepted': ['godkendt', 'accepted'],
  'jobs.count.rejected': ['afvist', 'rejected'],
  'jobs.reload': ['Opdatér', 'Refresh'],
  'jobs.action': ['Handling', 'Action'],
  'jobs.runNow': ['Kør nu', 'Run now'],
  'jobs.ranOk': ['{job}: gennemført ({result}).', '{job}: done ({result}).'],
  'jobs.ranFailed': ['{job}: fejlede – {error}', '{job}: failed – {error}'],
} as const satisfies Record<string, readonly [string, string]>;
type Key = keyof typeof pairs;

/** The page's texts in the chosen language, with {name} placeholders filled in. */
export function useJobsText(): (key: Key, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return (key, params = {}) => pairs[key][lang === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`));
}

export const isJobsKey = (key: string): key is Key => Object.hasOwn(pairs, key);

/** Counts read in the order things happen: made, queued, sent, not sent, then who was left out. */
const order = ['linksCreated', 'reports', 'invalid', 'queued', 'sent', 'accepted', 'rejected', 'failed', 'withoutPhone', 'withoutConsent', 'campaignsEnded', 'erasedContacts'];
const countOrder = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);

/** A run's counts as text in the chosen language, e.g. "3 indberetninger dannet, 3 sendt, 1 afvist". */
export function useRunResult(): (counts: Record<string, number>) => string {
  const tj = useJobsText();
  return (counts) => Object.keys(counts).sort((a, b) => countOrder(a) - countOrder(b))
    .map((k) => { const key = `jobs.count.${k}`; return `${counts[k]} ${isJobsKey(key) ? tj(key) : k}`; }).join(', ');
}
