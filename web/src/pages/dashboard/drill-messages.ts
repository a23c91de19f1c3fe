/**
 * Texts of the drill-down lists and the offer/team/place filters (issue 6 §6) as Danish/English
 * pairs, merged into the dashboard's texts in messages.ts.
 */
export const drillPairs = {
  'filter.offer': ['Tilbud', 'Offer'],
  'filter.team': ['Hold', 'Team'],
  'filter.place': ['Sted', 'Place'],
  'drill.hint': ['Vælg et tal i tabellen for at se borgerne bag det.', 'Choose a number in the table to see the citizens behind it.'],
  'drill.open': ['vis borgerne bag tallet', 'show the citizens behind the number'],
  'drill.title': ['Borgerne bag tallet: {group}, {step}', 'The citizens behind the number: {group}, {step}'],
  'drill.table': ['Borgere: {group}, {step}', 'Citizens: {group}, {step}'],
  'drill.pseudonymised': ['Listen er pseudonymiseret, fordi din rolle ikke giver adgang til journalerne. Hver borger har et fast pseudonym, som er det samme i alle lister, så du kan nævne det, når du taler med personalet. Datoer er afrundet til måned.', 'The list is pseudonymised, as your role gives no access to the records. Each citizen has a fixed pseudonym, the same in every list, so you can refer to it when talking to staff. Dates are rounded to the month.'],
  'drill.named': ['Du ser navnene, fordi din rolle giver adgang til journalerne. At du har set listen, står i hver borgers adgangslog.', 'You see the names because your role gives access to the records. That you saw the list is recorded in each citizen\'s access log.'],
  'drill.count': ['{count} henvisninger i perioden nåede trinnet »{step}«.', '{count} referrals in the period reached the step "{step}".'],
  'drill.truncated': ['Listen viser de første {shown}.', 'The list shows the first {shown}.'],
  'drill.empty': ['Ingen henvisninger i denne celle.', 'No referrals in this cell.'],
  'drill.close': ['Luk listen', 'Close the list'],
  'drill.pseudonym': ['Pseudonym', 'Pseudonym'],
  'drill.name': ['Navn', 'Name'],
  'drill.age': ['Aldersgruppe', 'Age band'],
  'drill.sex': ['Køn', 'Sex'],
  'drill.steps': ['Trin nået (måned)', 'Steps reached (month)'],
  'drill.reason': ['Grund til frafald', 'Reason for drop-out'],
  'drill.toContact': ['Dage til kontakt', 'Days to contact'],
  'drill.toStart': ['Dage til start', 'Days to start'],
} as const satisfies Record<string, readonly [string, string]>;
