/**
 * Texts of the daily-work additions (issue 3 review): paged worklists, finding and adding a referring
 * organisation, marking records entered in error, Danish date fields. Danish/English pairs, split into
 * the two catalogues in messages.ts.
 */
const pairs = {
  'paging.label': ['Sider: {list}', 'Pages: {list}'],
  'paging.previous': ['Forrige', 'Previous'],
  'paging.next': ['Næste', 'Next'],
  'paging.page': ['Side', 'Page'],
  'paging.pageOf': ['Side {page} af {pages}', 'Page {page} of {pages}'],
  'paging.gap': ['Sider udeladt', 'Pages left out'],
  'paging.showing': ['Viser {from}–{to} af {total}.', 'Showing {from}–{to} of {total}.'],

  'date.hint': ['Skriv datoen som dd.mm.åååå, fx {example}.', 'Type the date as dd.mm.yyyy, e.g. {example}.'],
  'rule.dateFormat': ['{label} skal være en gyldig dato skrevet som dd.mm.åååå, fx {example}.', '{label} must be a valid date written as dd.mm.yyyy, e.g. {example}.'],
  'time.hint': ['Skriv tidspunktet som tt:mm, fx {example}.', 'Type the time as hh:mm (24-hour clock), e.g. {example}.'],
  'rule.timeFormat': ['{label} skal være et klokkeslæt skrevet som tt:mm, fx {example}.', '{label} must be a time written as hh:mm, e.g. {example}.'],

  'org.search': ['Søg efter henviseren', 'Find the referrer'],
  'org.searchHint': ['Skriv en del af navnet, en SOR-kode eller et FK-ORG-id.', 'Type part of the name, a SOR code or an FK-ORG id.'],
  'org.results': ['Fundne organisationer', 'Organisations found'],
  'org.choose': ['Vælg', 'Choose'],
  'org.noMatch': ['Ingen kendte organisationer matcher "{query}".', 'No known organisation matches "{query}".'],
  'org.chosen': ['Henviser: {name}', 'Referrer: {name}'],
  'org.remove': ['Fjern henviser', 'Remove referrer'],
  'org.new': ['Opret ny organisation', 'Add a new organisation'],
  'org.newTitle': ['Ny henvisende organisation', 'New referring organisation'],
  'org.idSystem': ['Id-type', 'Kind of id'],
  'org.sor': ['SOR-kode', 'SOR code'],
  'org.fkorg': ['FK-ORG-id', 'FK-ORG id'],
  'org.idValue': ['Id', 'Id'],
  'org.idHint.sor': ['6–18 cifre fra Sundhedsvæsenets Organisationsregister (SOR).', '6–18 digits from the health-care organisation register (SOR).'],
  'org.idHint.fk-org': ['UUID fra Fælleskommunalt Organisationssystem, fx 3f2504e0-4f89-41d3-9a0c-0305e82c3301.', 'UUID from the municipal organisation system, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301.'],
  'org.name': ['Navn', 'Name'],
  'org.kind': ['Type', 'Kind'],
  'org.chooseKind': ['Vælg type', 'Choose the kind'],
  'org.save': ['Opret og vælg organisationen', 'Add and choose the organisation'],
  'org.cancel': ['Fortryd', 'Cancel'],
  'org.saved': ['{name} er oprettet og valgt som henviser.', '{name} was added and chosen as the referrer.'],
  'rule.orgId.sor': ['SOR-koden skal være 6–18 cifre.', 'The SOR code must be 6–18 digits.'],
  'rule.orgId.fk-org': ['FK-ORG-id skal være et UUID, fx 3f2504e0-4f89-41d3-9a0c-0305e82c3301.', 'The FK-ORG id must be a UUID, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301.'],
  'rule.orgDuplicate': ['Der findes allerede en organisation med dette id. Søg efter den i stedet.', 'An organisation with this id already exists. Search for it instead.'],
  'orgKind.gp': ['Praktiserende læge', 'General practitioner'],
  'orgKind.hospital_department': ['Hospitalsafdeling', 'Hospital department'],
  'orgKind.specialist': ['Speciallæge', 'Specialist'],
  'orgKind.jobcentre': ['Jobcenter', 'Jobcentre'],
  'orgKind.social_services': ['Socialforvaltning', 'Social services'],
  'orgKind.home_care': ['Hjemmepleje', 'Home care'],
  'orgKind.other_municipality': ['Anden kommune', 'Another municipality'],
  'orgKind.own_unit': ['Egen enhed', 'Own unit'],
  'orgKind.other': ['Andet', 'Other'],

  'eie.mark': ['Markér som fejlregistreret', 'Mark as entered in error'],
  'eie.label': ['Fejlregistreret', 'Entered in error'],
  'eie.confirmTitle': ['Markér "{what}" som fejlregistreret?', 'Mark "{what}" as entered in error?'],
  'eie.confirmText': ['Registreringen bliver i historikken, overstreget, men tæller ikke længere som en aktuel værdi eller i statistikken.', 'The record stays in the history, struck through, but no longer counts as a current value or in the statistics.'],
  'eie.confirm': ['Ja, markér som fejlregistreret', 'Yes, mark as entered in error'],
  'eie.cancel': ['Fortryd', 'Cancel'],
  'eie.done': ['"{what}" er markeret som fejlregistreret.', '"{what}" is marked as entered in error.'],
  'eie.conflictTitle': ['En kollega har ændret registreringen', 'A colleague changed the record'],
  'eie.conflict': ['Registreringen blev ændret, efter du åbnede siden, så intet er markeret. Tidslinjen er hentet igen: se ændringen, og markér igen, hvis det stadig er en fejl.', 'The record was changed after you opened the page, so nothing was marked. The timeline has been reloaded: check the change and mark it again if it is still an error.'],
  'eie.referral': ['Markér henvisningen som fejlregistreret', 'Mark the referral as entered in error'],
  'eie.referralWhat': ['henvisningen af {date} med forløb og indsatser', 'the referral of {date} with its pathway and interventions'],
  'eie.referralText': ['Henvisningen, dens forløb og indsatser bliver i historikken, men tæller ikke med i statistikken og indberetningen, og der kan ikke arbejdes videre på dem. Brug det kun, hvis henvisningen aldrig skulle have været registreret her.', 'The referral, its pathway and interventions stay in the history but no longer count in statistics or reporting, and no further steps can be taken on them. Use it only when the referral should never have been registered here.'],
  'eie.referralConflict': ['Forløbet blev ændret, efter du åbnede siden, så intet er markeret. Siden er hentet igen: se ændringen, og markér igen, hvis det stadig er en fejl.', 'The course was changed after you opened the page, so nothing was marked. The page has been reloaded: check the change and mark it again if it is still an error.'],
  'tl.questionnaire': ['Spørgeskema besvaret: {title} ({timePoint})', 'Questionnaire answered: {title} ({timePoint})'],
  'tl.stratification': ['Støtteniveau besluttet: {level}', 'Support level decided: {level}'],
} as const;

type Keys = keyof typeof pairs;
const pick = (i: 0 | 1) => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, v[i]])) as Record<Keys, string>;
export const dailyDa: Record<Keys, string> = pick(0);
export const dailyEn: Record<Keys, string> = pick(1);
