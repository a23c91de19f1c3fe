import { CitizenCreate } from '../citizens/citizen-schemas.ts';
import { DiagnosisInput } from '../referrals/referral-schemas.ts';
import { parseCpr } from '../domain/cpr.ts';
import { isCalendarDate } from '../domain/age.ts';
import { conceptsOf, isCode } from '../domain/terminology.ts';
import { organizationKinds } from '../organizations/routes.ts';
import { problemsFromZodError } from '../shared/validation.ts';

/**
 * Pure validation of referral rows read from a spreadsheet (no database, no clock of its own).
 * Problems name the spreadsheet row (header = row 1), the column as written in the file, and a
 * rule; they never carry a cell's value, so a CPR number cannot leak into a report.
 */

/** A cell as read from CSV (always text) or XLSX (text, number or a real date). */
export type Cell = string | number | Date | null;

export interface Table {
  headers: string[];
  /** rowNumber is the row as a spreadsheet user sees it (the header is row 1 in a CSV file). */
  rows: { rowNumber: number; cells: Cell[] }[];
  /** Whether numbers and dates are real cell types (XLSX) rather than text (CSV). */
  typedCells: boolean;
}

export type Field =
  | 'cpr' | 'givenName' | 'familyName' | 'addressLine' | 'postalCode' | 'city' | 'phone'
  | 'referralSource' | 'referringSor' | 'referringName' | 'referringKind' | 'diagnoses' | 'receivedAt' | 'reason';

interface ColumnSpec { field: Field; danish: string; english: string; aliases?: string[]; required: boolean }

/** The columns of the import format (docs/import.md). Danish header first, then the English alias. */
export const columnSpecs: readonly ColumnSpec[] = [
  { field: 'cpr', danish: 'cpr', english: 'cpr', aliases: ['cpr_nummer', 'cprnr'], required: true },
  { field: 'givenName', danish: 'fornavn', english: 'given_name', required: true },
  { field: 'familyName', danish: 'efternavn', english: 'family_name', required: true },
  { field: 'addressLine', danish: 'adresse', english: 'address', required: false },
  { field: 'postalCode', danish: 'postnummer', english: 'postal_code', aliases: ['postnr'], required: false },
  { field: 'city', danish: 'by', english: 'city', required: false },
  { field: 'phone', danish: 'telefon', english: 'phone', aliases: ['telefonnummer', 'tlf'], required: false },
  { field: 'referralSource', danish: 'henvisningskilde', english: 'referral_source', required: true },
  { field: 'referringSor', danish: 'henvisende_sor', english: 'referring_sor', required: false },
  { field: 'referringName', danish: 'henvisende_navn', english: 'referring_name', required: false },
  { field: 'referringKind', danish: 'henvisende_type', english: 'referring_kind', required: false },
  { field: 'diagnoses', danish: 'diagnoser', english: 'diagnoses', required: false },
  { field: 'receivedAt', danish: 'modtaget', english: 'received', aliases: ['received_at'], required: true },
  { field: 'reason', danish: 'årsag', english: 'reason', aliases: ['aarsag'], required: false },
];

/** Header text → comparable key: case, surrounding space, inner spaces/hyphens and Unicode form do not matter. */
export const headerKey = (header: string): string => header.normalize('NFC').trim().toLowerCase().replace(/[\s-]+/g, '_');

const specByKey = new Map<string, ColumnSpec>(
  columnSpecs.flatMap((s) => [s.danish, s.english, ...(s.aliases ?? [])].map((name) => [headerKey(name), s] as const)),
);

export interface ColumnMap {
  /** Field → index of its column in the table. */
  index: Partial<Record<Field, number>>;
  /** Danish names of required columns that are absent. */
  missing: string[];
  /** Header texts that name a column already mapped (e.g. both "fornavn" and "given_name"). */
  duplicates: string[];
  /** Non-empty header texts that are not part of the format; they are ignored. */
  ignored: string[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const index: ColumnMap['index'] = {};
  const duplicates: string[] = [];
  const ignored: string[] = [];
  headers.forEach((header, i) => {
    if (!header.trim()) return;
    const spec = specByKey.get(headerKey(header));
    if (!spec) ignored.push(header.trim());
    else if (index[spec.field] !== undefined) duplicates.push(header.trim());
    else index[spec.field] = i;
  });
  const missing = columnSpecs.filter((s) => s.required && index[s.field] === undefined).map((s) => s.danish);
  return { index, missing, duplicates, ignored };
}

/** "A", "B", … "Z", "AA" — the spreadsheet letter of a 0-based column index. */
export function columnLetter(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface RowProblem {
  row: number;
  /** The column's header as written in the file. */
  column: string;
  /** Spreadsheet letter of the column. */
  letter: string;
  rule: string;
  params?: Record<string, string | number>;
}

export interface Diagnosis { system: 'SKS' | 'ICPC2'; code: string }

export interface ImportRow {
  rowNumber: number;
  citizen: {
    cprDigits: string; givenName: string; familyName: string;
    addressLine?: string; postalCode?: string; city?: string; phone?: string;
  };
  referral: {
    sourceCode: string;
    referring?: { sor: string; name?: string; kind: (typeof organizationKinds)[number] };
    diagnoses: Diagnosis[];
    /** ISO 8601 instant (UTC). */
    receivedAt: string;
    reason?: string;
  };
}

export type ValidationResult = { ok: true; rows: ImportRow[] } | { ok: false; problems: RowProblem[]; badRows: number };

// ---------------------------------------------------------------------------------------------
// Cell readers

const SOR = /^[0-9]{6,18}$/;
const MAX_DIAGNOSES = 10;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Text of a cell; numbers from typed cells are written without grouping or exponent. */
function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return cell.normalize('NFC').trim();
}

const isBlank = (cell: Cell | undefined): boolean => cellText(cell) === '';

/** Excel drops leading zeros from numbers: a CPR number born on day 01-09 arrives as 9 digits, a postcode like 0800 as 3. */
function padNumber(cell: Cell | undefined, width: number): string {
  const text = cellText(cell);
  return typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && text.length < width ? text.padStart(width, '0') : text;
}

const dash = /[\u2010-\u2015\u2212]/g;
const comparable = (s: string): string => s.normalize('NFC').replace(dash, '-').replace(/\s+/g, ' ').trim().toLowerCase();
const referralSources = conceptsOf('referralSources');
const sourceByText = new Map(referralSources.map((c) => [comparable(c.display), c.code]));

/** A referral source by its Danish display text (any case, any dash) or by its FSIII code. */
export function referralSourceCode(text: string): string | undefined {
  const t = text.trim();
  if (isCode('referralSources', t.toLowerCase())) return t.toLowerCase();
  return sourceByText.get(comparable(t));
}

const kindWords: Record<string, (typeof organizationKinds)[number]> = {
  'praktiserende læge': 'gp', 'egen læge': 'gp', 'læge': 'gp', 'lægepraksis': 'gp',
  'sygehusafdeling': 'hospital_department', 'sygehus': 'hospital_department', 'hospital': 'hospital_department',
  'speciallæge': 'specialist', 'jobcenter': 'jobcentre', 'socialforvaltning': 'social_services',
  'hjemmepleje': 'home_care', 'hjemmeplejen': 'home_care', 'anden kommune': 'other_municipality',
  'egen enhed': 'own_unit', 'andet': 'other', 'andre': 'other',
};
function organizationKind(text: string): (typeof organizationKinds)[number] | undefined {
  const t = comparable(text);
  return (organizationKinds as readonly string[]).includes(t) ? (t as (typeof organizationKinds)[number]) : kindWords[t];
}

// SKS diagnosis codes: D + letter (DE11); ICPC2: letter + two digits (T90, D01). The same patterns as DiagnosisInput.
export function diagnosisSystem(code: string): 'SKS' | 'ICPC2' {
  return /^D[A-Z]/.test(code) ? 'SKS' : 'ICPC2';
}

/** "DE11; DJ44", "DE11, T90" or "DE11 DJ44" → the codes, upper-cased. */
export const splitDiagnoses = (text: string): string[] => text.split(/[;,\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Dates: "2026-03-01", "01-03-2026", "01.03.2026", optionally with a time ("10:30", "10.30", "10:30:15"),
// an ISO instant with offset, or a real date cell. Wall-clock times are Danish time (Europe/Copenhagen).

const TIME_ZONE = 'Europe/Copenhagen';
const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Minutes east of UTC in Denmark at the instant `ms`. */
function copenhagenOffsetMinutes(ms: number): number {
  const p = Object.fromEntries(offsetFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instant of a Danish wall-clock time (the earlier one when the clock is turned back). */
export function copenhagenToUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = wall - copenhagenOffsetMinutes(wall) * 60_000;
  t = wall - copenhagenOffsetMinutes(t) * 60_000;
  return new Date(t);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The receipt time of a cell, or null when it is not one of the accepted forms. */
export function parseReceived(cell: Cell): Date | null {
  if (cell instanceof Date) {
    // Spreadsheet dates have no time zone: exceljs gives the wall-clock time as if it were UTC.
    const ms = Math.round(cell.getTime() / 1000) * 1000;
    if (Number.isNaN(ms)) return null;
    const w = new Date(ms);
    return copenhagenToUtc(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
  }
  if (typeof cell === 'number') {
    // An Excel date serial in a cell without a date format (days since 1899-12-30).
    if (!(cell > 1 && cell < 2958466)) return null;
    return parseReceived(new Date(EXCEL_EPOCH + Math.round(cell * 86_400) * 1000));
  }
  const text = cellText(cell);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) || !isCalendarDate(text.slice(0, 10)) ? null : new Date(ms);
  }
  const m = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([-.])(\d{1,2})\5(\d{4}))(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[7]), Number(m[6]), Number(m[4])];
  const [h, mi, s] = [Number(m[8] ?? 0), Number(m[9] ?? 0), Number(m[10] ?? 0)];
  if (!isCalendarDate(`${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`) || h > 23 || mi > 59 || s > 59) return null;
  return copenhagenToUtc(y, mo, d, h, mi, s);
}

// ---------------------------------------------------------------------------------------------

const citizenFieldOf: Record<string, Field> = {
  cpr: 'cpr', givenName: 'givenName', familyName: 'familyName', addressLine: 'addressLine', postalCode: 'postalCode', city: 'city', phone: 'phone',
};

/** Validates every row; returns either all rows, ready to write, or every problem found. */
export function validateRows(table: Table, columns: ColumnMap, now: Date): ValidationResult {
  const problems: RowProblem[] = [];
  const rows: ImportRow[] = [];
  let badRows = 0;
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every(isBlank)) continue;
    const found: RowProblem[] = [];
    const cell = (field: Field): Cell | undefined => {
      const i = columns.index[field];
      return i === undefined ? undefined : cells[i];
    };
    const text = (field: Field): string => cellText(cell(field));
    const optional = (field: Field): string | undefined => text(field) || undefined;
    const problem = (field: Field, rule: string, params?: Record<string, string | number>): void => {
      const i = columns.index[field] ?? 0;
      found.push({ row: rowNumber, column: table.headers[i]?.trim() ?? field, letter: columnLetter(i), rule, ...(params ? { params } : {}) });
    };

    // Citizen: the API's own schema, so the import accepts exactly what the API accepts.
    const cprText = padNumber(cell('cpr'), 10);
    const citizenInput = {
      cpr: cprText, givenName: text('givenName'), familyName: text('familyName'), addressLine: optional('addressLine'),
      postalCode: cell('postalCode') === undefined || isBlank(cell('postalCode')) ? undefined : padNumber(cell('postalCode'), 4),
      city: optional('city'), phone: optional('phone'),
    };
    const citizen = CitizenCreate.safeParse(citizenInput);
    if (!citizen.success) {
      for (const p of problemsFromZodError(citizen.error)) {
        const field = citizenFieldOf[p.path] ?? 'cpr';
        const blank = field === 'cpr' ? cprText === '' : text(field) === '';
        problem(field, blank && ['required', 'min_length', 'cpr.format'].includes(p.rule) ? 'required' : p.rule, blank ? undefined : p.params);
      }
    }

    // Referral source
    let sourceCode: string | undefined;
    if (!text('referralSource')) problem('referralSource', 'required');
    else {
      sourceCode = referralSourceCode(text('referralSource'));
      if (!sourceCode) problem('referralSource', 'enum', { allowed: referralSources.map((c) => `"${c.display}"`).join(', ') });
    }

    // Referring organisation (optional)
    let referring: ImportRow['referral']['referring'];
    const sor = padNumber(cell('referringSor'), 6);
    const kindText = text('referringKind');
    const kind = kindText ? organizationKind(kindText) : 'gp';
    if (kindText && !kind) problem('referringKind', 'enum', { allowed: [...organizationKinds, ...Object.keys(kindWords)].map((k) => `"${k}"`).join(', ') });
    const referringName = optional('referringName');
    if (referringName && referringName.length > 200) problem('referringName', 'max_length', { max: 200 });
    if (sor) {
      if (!SOR.test(sor)) problem('referringSor', 'organization.id');
      else if (kind) referring = { sor, kind, ...(referringName ? { name: referringName } : {}) };
    }

    // Diagnoses (optional): the system follows from the code's shape.
    const diagnoses: Diagnosis[] = [];
    const codes = splitDiagnoses(text('diagnoses'));
    if (codes.length > MAX_DIAGNOSES) problem('diagnoses', 'max_items', { max: MAX_DIAGNOSES });
    let badCode = false;
    for (const code of codes) {
      const parsed = DiagnosisInput.safeParse({ system: diagnosisSystem(code), code });
      if (parsed.success) diagnoses.push({ system: parsed.data.system, code: parsed.data.code });
      else badCode = true;
    }
    if (badCode) problem('diagnoses', 'diagnosis.code');

    // Received
    let receivedAt: string | undefined;
    const receivedCell = cell('receivedAt');
    if (receivedCell === undefined || isBlank(receivedCell)) problem('receivedAt', 'required');
    else {
      const at = parseReceived(receivedCell);
      if (!at) problem('receivedAt', 'import.date');
      else if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) problem('receivedAt', 'not_in_future');
      else receivedAt = at.toISOString();
    }

    const reason = optional('reason');
    if (reason && reason.length > 2000) problem('reason', 'max_length', { max: 2000 });

    if (found.length || !citizen.success || !sourceCode || !receivedAt) {
      problems.push(...found);
      badRows += 1;
      continue;
    }
    const parsedCpr = parseCpr(citizen.data.cpr);
    if (!parsedCpr.ok) throw new Error('unreachable: CPR passed CitizenCreate');
    const c = citizen.data;
    rows.push({
      rowNumber,
      citizen: {
        cprDigits: parsedCpr.value.digits, givenName: c.givenName, familyName: c.familyName,
        ...(c.addressLine ? { addressLine: c.addressLine } : {}), ...(c.postalCode ? { postalCode: c.postalCode } : {}),
        ...(c.city ? { city: c.city } : {}), ...(c.phone ? { phone: c.phone } : {}),
      },
      referral: { sourceCode, ...(referring ? { referring } : {}), diagnoses, receivedAt, ...(reason ? { reason } : {}) },
    });
  }
  return badRows ? { ok: false, problems, badRows } : { ok: true, rows };
}
