import { useI18n } from '../../i18n.tsx';

/** Texts of the security and privacy pages (issue 8), Danish and English. */
const da = {
  'access.title': 'Adgangslog og indsigt',
  'access.intro': 'Hvem har set eller ændret borgerens oplysninger, hvornår og hvorfor. Brug den til at svare på borgerens anmodning om indsigt.',
  'access.when': 'Tidspunkt', 'access.who': 'Medarbejder', 'access.role': 'Rolle', 'access.what': 'Handling', 'access.resource': 'Oplysning', 'access.why': 'Formål',
  'access.pdf': 'Hent adgangslog (PDF)', 'access.exportPdf': 'Hent alle oplysninger (PDF)', 'access.exportJson': 'Hent alle oplysninger (JSON)',
  'access.downloads': 'Udlevering til borgeren', 'access.empty': 'Ingen registreringer.', 'access.back': 'Tilbage til borgeren',
  'access.link': 'Adgangslog og indsigt', 'access.system': 'system',
  'totp.title': 'Opsæt to-faktor-login',
  'totp.intro': 'Din rolle kræver to-faktor-login. Tilføj Ligevej i en godkendelses-app (fx Microsoft Authenticator eller Google Authenticator) med nøglen herunder, og skriv den 6-cifrede kode, appen viser.',
  'totp.secret': 'Nøgle til godkendelses-appen', 'totp.uri': 'Link til godkendelses-appen', 'totp.start': 'Vis nøgle',
  'totp.code': 'Kode fra appen (6 cifre)', 'totp.confirm': 'Bekræft', 'totp.wrong': 'Koden passer ikke. Prøv den næste kode fra appen.',
  'totp.done': 'To-faktor-login er slået til.',
  'login.code': 'Kode fra godkendelses-appen (6 cifre)', 'login.codeNeeded': 'Skriv koden fra din godkendelses-app.', 'login.codeWrong': 'Koden er forkert eller brugt. Prøv den næste kode.',
  'login.sso': 'Log ind med kommunens login',
  'admin.title': 'Administration', 'admin.staff': 'Medarbejdere', 'admin.username': 'Brugernavn', 'admin.name': 'Navn', 'admin.role': 'Rolle',
  'admin.state': 'Status', 'admin.locked': 'Låst', 'admin.active': 'Aktiv', 'admin.mfa': 'To-faktor', 'admin.yes': 'Ja', 'admin.no': 'Nej',
  'admin.unlock': 'Lås op', 'admin.resetMfa': 'Nulstil to-faktor', 'admin.done': 'Udført.',
  'admin.retention': 'Sletning og anonymisering (prøvekørsel)', 'admin.retentionIntro': 'Borgere, hvis opbevaringsperiode er udløbet. Intet ændres, før jobbet køres.',
  'admin.retentionNone': 'Ingen borgere er over deres periode.', 'admin.due': 'Forfalden', 'admin.basis': 'Grundlag', 'admin.citizen': 'Borger',
} as const;
type Key = keyof typeof da;
const en: Record<Key, string> = {
  'access.title': 'Access log and data access',
  'access.intro': 'Who has seen or changed the citizen\'s data, when and why. Use it to answer the citizen\'s request for access.',
  'access.when': 'Time', 'access.who': 'Staff member', 'access.role': 'Role', 'access.what': 'Action', 'access.resource': 'Data', 'access.why': 'Purpose',
  'access.pdf': 'Download access log (PDF)', 'access.exportPdf': 'Download all data (PDF)', 'access.exportJson': 'Download all data (JSON)',
  'access.downloads': 'For the citizen', 'access.empty': 'Nothing recorded.', 'access.back': 'Back to the citizen',
  'access.link': 'Access log and data access', 'access.system': 'system',
  'totp.title': 'Set up two-factor login',
  'totp.intro': 'Your role requires two-factor login. Add Ligevej to an authenticator app (e.g. Microsoft Authenticator or Google Authenticator) with the key below, and type the 6-digit code the app shows.',
  'totp.secret': 'Key for the authenticator app', 'totp.uri': 'Link for the authenticator app', 'totp.start': 'Show key',
  'totp.code': 'Code from the app (6 digits)', 'totp.confirm': 'Confirm', 'totp.wrong': 'The code does not match. Try the next code from the app.',
  'totp.done': 'Two-factor login is on.',
  'login.code': 'Code from the authenticator app (6 digits)', 'login.codeNeeded': 'Enter the code from your authenticator app.', 'login.codeWrong': 'The code is wrong or already used. Try the next code.',
  'login.sso': 'Log in with the municipality\'s login',
  'admin.title': 'Administration', 'admin.staff': 'Staff', 'admin.username': 'Username', 'admin.name': 'Name', 'admin.role': 'Role',
  'admin.state': 'State', 'admin.locked': 'Locked', 'admin.active': 'Active', 'admin.mfa': 'Two-factor', 'admin.yes': 'Yes', 'admin.no': 'No',
  'admin.unlock': 'Unlock', 'admin.resetMfa': 'Reset two-factor', 'admin.done': 'Done.',
  'admin.retention': 'Deletion and anonymisation (dry run)', 'admin.retentionIntro': 'Citizens whose retention period has passed. Nothing changes until the job is run.',
  'admin.retentionNone': 'No citizen is past their period.', 'admin.due': 'Due', 'admin.basis': 'Basis', 'admin.citizen': 'Citizen',
};

export function useSecurityText(): (key: Key) => string {
  const { lang } = useI18n();
  return (key) => (lang === 'en' ? en[key] : da[key]);
}
