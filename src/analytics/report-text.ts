import type { DisclosureRule } from './disclosure.ts';

/** The annual report's method notes (Danish), following ../shared/docs/equity-measures.md. */
export const reportMethodNotes: readonly string[] = [
  'Tallene kommer fra Ligevejs faktatabel over forløb (én række pr. henvisning) og tæller henvisninger modtaget i kalenderåret (dansk tid). En henvisning tæller ved et trin, når den er nået mindst så langt: henvist, kontakt opnået, afklarende samtale, startet, gennemført, fulgt op, brobygget til forening.',
  'Brobygget til forening: en borger, der gennemførte og blev fulgt op, og som har en registreret brobygning til et lokalt foreningstilbud på denne henvisning (uanset hvornår brobygningen skete). Trinnet er det sidste, så hvert trin er en delmængde af det forrige; en brobygning for en borger, der ikke gennemførte eller ikke blev fulgt op, ses i brobygningsregistreringerne, men ikke i trinnene.',
  'Social position (uddannelse, tilknytning til arbejdsmarkedet, herkomst m.fl.) er borgerens egne oplysninger. Ukendt eller "ønsker ikke at svare" vises som egne rækker og indgår aldrig i målene.',
  'Andele vises med 95 %-konfidensintervaller efter Wilson. Forskelle til referencegruppen har Newcombes hybride score-interval, forhold et log-interval (Katz). Referencegruppen er den mest fordelagtige gruppe (fx videregående uddannelse, i beskæftigelse, dansk herkomst), ellers gruppen med den bedste andel.',
  'Samlede mål som i WHO\'s Health Equity Assessment Toolkit: D og R (mest mod mindst fordelagtige gruppe), hældningsindekset SII med robust (HC0) standardfejl og RII, koncentrationsindeks ACI og RCI, PAR og PAF, variansen mellem grupper (BGV), middelafvigelser (MDM, MDB), disparitetsindeks (IDis, IDisW), Theil og MLD. Et mål er tomt, hvor det ikke er defineret.',
  'Effekt: gennemsnitlig ændring fra start til slut (blandt dem, der gennemførte) og fra start til opfølgning (blandt dem, der også blev fulgt op) for dem med begge målinger (parvise forskelle, t-baseret 95 %-KI), og andelen med en vigtig forbedring. Antallet uden begge målinger vises altid.',
  'Vigtig forbedring: WHO-5 mindst 10 point højere; selvvurderet helbred mindst én kategori bedre (skala 1-5); vægt og BMI mindst 5 % lavere; taljemål mindst 5 cm mindre; systolisk blodtryk mindst 5 mmHg og diastolisk mindst 3 mmHg lavere; HbA1c mindst 5 mmol/mol lavere; fysisk aktivitet mindst 30 minutter mere om ugen; rygning: holdt op (dagligt eller lejlighedsvist rygende ved start, ikke rygende senere).',
  'Rygning er ja/nej: ændringen er forskellen i andelen, der ryger, senere minus ved start, blandt dem med begge svar, med Newcombes hybride score-interval for parrede andele (Newcombe 1998, metode 10). Selvvurderet helbred, fysisk aktivitet og rygning er borgerens egne svar i spørgeskemaet; de øvrige mål er målinger.',
  'Kvalitetsindikatorerne følger STOPbasens form: nævner, tæller, mål og en inklusionsregel (mindst 20 i nævneren, før en måned eller enhed vurderes). Kørselsdiagrammerne er p-kort med centerlinje og grænser på 3 standardafvigelser.',
  'Tal fra færre end 20 personer er markeret som usikre.',
];

export function reportSuppressionNotes(rule: DisclosureRule): string[] {
  if (!rule.suppressed) {
    return ['Rapporten er dannet af en bruger med adgang til borgernes journaler, så ingen tal er skjult. Del den ikke med personer uden denne adgang; dan i stedet rapporten som leder.'];
  }
  return [
    `Diskretionering er anvendt: antal fra 1 til ${rule.threshold - 1} vises som "<${rule.threshold}", og deres andele og konfidensintervaller vises ikke (tærskel ${rule.threshold}, indstillet med LIGEVEJ_SMALL_CELL_THRESHOLD).`,
    'Hvor en total ellers ville afsløre et skjult tal, er endnu en celle i samme række eller kolonne skjult (komplementær diskretionering), vist som "–". De samlede ulighedsmål skjules for et trin, hvis de kunne afsløre et skjult tal.',
    'Diskretioneringen sker på serveren, før tallene forlader den, så rapporten kan deles med kommunalbestyrelsen.',
  ];
}
