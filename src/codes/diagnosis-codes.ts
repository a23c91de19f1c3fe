/**
 * The referral diagnoses a §119 health centre sees most, for the code search on the referral form.
 * Not the whole SKS or ICPC2 classification: any well-formed code can still be typed in.
 */
export interface DiagnosisCode { system: 'SKS' | 'ICPC2'; code: string; display: string }

const sks: [string, string][] = [
  ['DE11', 'Type 2-diabetes'], ['DE10', 'Type 1-diabetes'], ['DE66', 'Fedme'],
  ['DJ44', 'Kronisk obstruktiv lungesygdom (KOL)'], ['DJ45', 'Astma'],
  ['DI10', 'Essentiel hypertension'], ['DI20', 'Angina pectoris'], ['DI21', 'Akut myokardieinfarkt'],
  ['DI25', 'Kronisk iskæmisk hjertesygdom'], ['DI48', 'Atrieflimren og atrieflagren'], ['DI50', 'Hjertesvigt'], ['DI63', 'Hjerneinfarkt'],
  ['DM16', 'Hofteledsartrose'], ['DM17', 'Knæledsartrose'], ['DM19', 'Anden artrose'], ['DM54', 'Rygsmerter'], ['DM797', 'Fibromyalgi'],
  ['DM81', 'Knogleskørhed (osteoporose) uden patologisk fraktur'],
  ['DC18', 'Kræft i tyktarm'], ['DC34', 'Kræft i bronkie eller lunge'], ['DC50', 'Brystkræft'], ['DC61', 'Prostatakræft'],
  ['DF32', 'Depressiv enkeltepisode'], ['DF41', 'Andre angsttilstande'], ['DF10', 'Alkoholrelaterede psykiske lidelser'], ['DF172', 'Nikotinafhængighed'],
  ['DZ720', 'Tobaksbrug'],
];
const icpc2: [string, string][] = [
  ['T90', 'Diabetes type 2'], ['T89', 'Diabetes type 1'], ['T82', 'Fedme'],
  ['R95', 'Kronisk obstruktiv lungesygdom (KOL)'], ['R96', 'Astma'],
  ['K74', 'Iskæmisk hjertesygdom med angina'], ['K75', 'Akut myokardieinfarkt'], ['K76', 'Iskæmisk hjertesygdom uden angina'],
  ['K77', 'Hjerteinsufficiens'], ['K78', 'Atrieflimren/-flagren'], ['K86', 'Hypertension, ukompliceret'],
  ['L84', 'Rygsyndrom uden smerteudstråling'], ['L89', 'Artrose i hofte'], ['L90', 'Artrose i knæ'], ['L91', 'Anden artrose'], ['L95', 'Osteoporose'],
  ['P76', 'Depression'], ['P74', 'Angsttilstand'], ['P17', 'Tobaksmisbrug'], ['P15', 'Kronisk alkoholmisbrug'],
  ['X76', 'Brystkræft'], ['D75', 'Kræft i tyktarm/endetarm'], ['Y77', 'Prostatakræft'], ['R84', 'Lungekræft'],
];

export const diagnosisCodes: readonly DiagnosisCode[] = [
  ...sks.map(([code, display]) => ({ system: 'SKS' as const, code, display })),
  ...icpc2.map(([code, display]) => ({ system: 'ICPC2' as const, code, display })),
];

/** Codes whose code starts with, or whose text contains, every word of the query. */
export function searchDiagnoses(query: string, limit = 20): DiagnosisCode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return diagnosisCodes.filter((d) => words.every((w) => d.code.toLowerCase().startsWith(w) || d.display.toLowerCase().includes(w))).slice(0, limit);
}
