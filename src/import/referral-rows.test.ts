import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../test/support/codes.ts';
import {
  columnLetter, copenhagenToUtc, mapColumns, parseReceived, referralSourceCode, splitDiagnoses, diagnosisSystem, validateRows,
  type Cell, type Table,
} from './referral-rows.ts';
import { problemLines } from './report.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const HEADERS = ['cpr', 'fornavn', 'efternavn', 'adresse', 'postnummer', 'by', 'telefon', 'henvisningskilde', 'henvisende_sor', 'diagnoser', 'modtaget', 'årsag'];
const GOOD: Record<string, Cell> = {
  cpr: '010170-1234', fornavn: 'Karen', efternavn: 'Jensen', adresse: 'Vestergade 1', postnummer: '8000', by: 'Aarhus C', telefon: '12 34 56 78',
  henvisningskilde: 'Egen læge/vagtlæge', henvisende_sor: '123456789', diagnoser: 'DE11; T90', modtaget: '01.03.2026', årsag: 'Type 2-diabetes',
};

function table(rows: Record<string, Cell>[], opts: { headers?: string[]; typed?: boolean } = {}): Table {
  const headers = opts.headers ?? HEADERS;
  return { headers, rows: rows.map((r, i) => ({ rowNumber: i + 2, cells: headers.map((h) => r[h] ?? null) })), typedCells: opts.typed ?? false };
}
function validate(rows: Record<string, Cell>[], opts: { headers?: string[]; typed?: boolean } = {}) {
  const t = table(rows, opts);
  return validateRows(t, mapColumns(t.headers), NOW);
}
/** The problems of a single row with one cell changed, as "column:rule". */
function rulesFor(change: Record<string, Cell>, typed = false): string[] {
  const result = validate([{ ...GOOD, ...change }], { typed });
  return result.ok ? [] : result.problems.map((p) => `${p.column}:${p.rule}`);
}

describe('column mapping', () => {
  it('accepts Danish headers and English aliases in any case, and names missing required columns', () => {
    const m = mapColumns(['CPR', 'Given_Name', 'efternavn', 'Referral Source', 'MODTAGET', 'Noter', '']);
    assert.deepEqual(m.missing, []);
    assert.equal(m.index.givenName, 1);
    assert.equal(m.index.referralSource, 3);
    assert.deepEqual(m.ignored, ['Noter']);
    assert.deepEqual(mapColumns(['cpr', 'fornavn']).missing, ['efternavn', 'henvisningskilde', 'modtaget']);
    assert.deepEqual(mapColumns(['cpr', 'fornavn', 'given_name']).duplicates, ['given_name']);
    assert.equal(mapColumns(['Årsag', 'aarsag']).index.reason, 0);
  });

  it('gives spreadsheet column letters', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('cell readers', () => {
  it('reads receipt dates in ISO and Danish forms as Danish time, with or without a time', () => {
    const iso = (c: Cell) => parseReceived(c)?.toISOString() ?? null;
    assert.equal(iso('2026-03-01'), '2026-02-28T23:00:00.000Z');
    assert.equal(iso('01-03-2026'), '2026-02-28T23:00:00.000Z');
    assert.equal(iso('01.03.2026'), '2026-02-28T23:00:00.000Z');
    assert.equal(iso('1.3.2026'), '2026-02-28T23:00:00.000Z');
    assert.equal(iso('01.07.2026 10.30'), '2026-07-01T08:30:00.000Z', 'summer time is UTC+2');
    assert.equal(iso('2026-03-01 10:30:15'), '2026-03-01T09:30:15.000Z');
    assert.equal(iso('2026-03-01T10:30:00Z'), '2026-03-01T10:30:00.000Z');
    assert.equal(iso('2026-03-01T10:30:00+02:00'), '2026-03-01T08:30:00.000Z');
    assert.equal(iso(new Date(Date.UTC(2026, 2, 1))), '2026-02-28T23:00:00.000Z', 'a date cell is a wall-clock date');
    assert.equal(iso(new Date(Date.UTC(2026, 2, 1, 10, 29, 59, 999))), '2026-03-01T09:30:00.000Z', 'rounded to the second');
    assert.equal(iso(46082), '2026-02-28T23:00:00.000Z', 'an Excel serial number');
    for (const bad of ['31.02.2026', '2026-13-01', '01/03/2026', '01.03.26', 'i går', '2026-03-01 25:00', '2026-02-30T10:00:00Z', '']) assert.equal(iso(bad), null, bad);
  });

  it('converts Danish wall-clock time across both daylight-saving changes', () => {
    assert.equal(copenhagenToUtc(2026, 3, 29, 3, 0).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(copenhagenToUtc(2026, 10, 25, 12, 0).toISOString(), '2026-10-25T11:00:00.000Z');
    assert.equal(copenhagenToUtc(2026, 1, 1).toISOString(), '2025-12-31T23:00:00.000Z');
  });

  it('finds referral sources by Danish text in any case or dash, or by code', () => {
    const gp = code('referralSources', 'Egen læge/vagtlæge');
    assert.equal(referralSourceCode('Egen læge/vagtlæge'), gp);
    assert.equal(referralSourceCode('  egen LÆGE/vagtlæge '), gp);
    assert.equal(referralSourceCode(gp.toUpperCase()), gp);
    assert.equal(referralSourceCode('Sygehus – medicinsk'), code('referralSources', 'Sygehus - medicinsk'));
    assert.equal(referralSourceCode('Lægen'), undefined);
  });

  it('splits diagnoses and tells SKS from ICPC2', () => {
    assert.deepEqual(splitDiagnoses('DE11; dj44,T90  D01'), ['DE11', 'DJ44', 'T90', 'D01']);
    assert.deepEqual(['DE11', 'DJ441', 'T90', 'D01'].map(diagnosisSystem), ['SKS', 'SKS', 'ICPC2', 'ICPC2']);
  });
});

describe('row validation', () => {
  it('turns a good row into a citizen and a referral', () => {
    const result = validate([GOOD]);
    assert.ok(result.ok);
    assert.deepEqual(result.rows[0], {
      rowNumber: 2,
      citizen: { cprDigits: '0101701234', givenName: 'Karen', familyName: 'Jensen', addressLine: 'Vestergade 1', postalCode: '8000', city: 'Aarhus C', phone: '12 34 56 78' },
      referral: {
        sourceCode: code('referralSources', 'Egen læge/vagtlæge'), referring: { sor: '123456789', kind: 'gp' },
        diagnoses: [{ system: 'SKS', code: 'DE11' }, { system: 'ICPC2', code: 'T90' }], receivedAt: '2026-02-28T23:00:00.000Z', reason: 'Type 2-diabetes',
      },
    });
  });

  it('needs only the required columns', () => {
    const headers = ['cpr', 'fornavn', 'efternavn', 'henvisningskilde', 'modtaget'];
    const result = validate([{ cpr: '0101701234', fornavn: 'Ib', efternavn: 'Hansen', henvisningskilde: 'Borger', modtaget: '2026-03-01' }], { headers });
    assert.ok(result.ok);
    assert.deepEqual(result.rows[0]!.citizen, { cprDigits: '0101701234', givenName: 'Ib', familyName: 'Hansen' });
    assert.deepEqual(result.rows[0]!.referral.diagnoses, []);
    assert.equal(result.rows[0]!.referral.referring, undefined);
  });

  it('checks every rule, naming the column as written in the file', () => {
    assert.deepEqual(rulesFor({ cpr: '' }), ['cpr:required']);
    assert.deepEqual(rulesFor({ cpr: '12345' }), ['cpr:cpr.format']);
    assert.deepEqual(rulesFor({ cpr: '3102701234' }), ['cpr:cpr.date']);
    assert.deepEqual(rulesFor({ fornavn: ' ' }), ['fornavn:required']);
    assert.deepEqual(rulesFor({ efternavn: 'x'.repeat(101) }), ['efternavn:max_length']);
    assert.deepEqual(rulesFor({ adresse: 'x'.repeat(201) }), ['adresse:max_length']);
    assert.deepEqual(rulesFor({ postnummer: '800' }), ['postnummer:format.regex']);
    assert.deepEqual(rulesFor({ by: 'x'.repeat(101) }), ['by:max_length']);
    assert.deepEqual(rulesFor({ telefon: '12-34-56' }), ['telefon:format.regex']);
    assert.deepEqual(rulesFor({ henvisningskilde: '' }), ['henvisningskilde:required']);
    assert.deepEqual(rulesFor({ henvisningskilde: 'Lægen' }), ['henvisningskilde:enum']);
    assert.deepEqual(rulesFor({ henvisende_sor: '12AB' }), ['henvisende_sor:organization.id']);
    assert.deepEqual(rulesFor({ diagnoser: 'DE11; diabetes' }), ['diagnoser:diagnosis.code']);
    assert.deepEqual(rulesFor({ diagnoser: Array.from({ length: 11 }, (_, i) => `DE${10 + i}`).join(';') }), ['diagnoser:max_items']);
    assert.deepEqual(rulesFor({ modtaget: '' }), ['modtaget:required']);
    assert.deepEqual(rulesFor({ modtaget: '2026-02-30' }), ['modtaget:import.date']);
    assert.deepEqual(rulesFor({ modtaget: '2026-03-11' }), ['modtaget:not_in_future']);
    assert.deepEqual(rulesFor({ årsag: 'x'.repeat(2001) }), ['årsag:max_length']);
    assert.deepEqual(rulesFor({ cpr: '', fornavn: '', modtaget: 'x' }), ['cpr:required', 'fornavn:required', 'modtaget:import.date']);
  });

  it('checks the optional referring name and kind, defaulting to a GP', () => {
    const headers = [...HEADERS, 'henvisende_navn', 'henvisende_type'];
    const ok = validate([{ ...GOOD, henvisende_navn: 'Lægehuset', henvisende_type: 'Sygehusafdeling' }], { headers });
    assert.ok(ok.ok);
    assert.deepEqual(ok.rows[0]!.referral.referring, { sor: '123456789', kind: 'hospital_department', name: 'Lægehuset' });
    const bad = validate([{ ...GOOD, henvisende_navn: 'x'.repeat(201), henvisende_type: 'bager' }], { headers });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems.map((p) => `${p.column}:${p.rule}`).sort(), ['henvisende_navn:max_length', 'henvisende_type:enum']);
  });

  it('reports every bad row with its spreadsheet row number and skips blank rows', () => {
    const result = validate([GOOD, { ...GOOD, cpr: 'x' }, {}, { ...GOOD, henvisningskilde: 'nej', modtaget: '2026-02-31' }]);
    assert.ok(!result.ok);
    assert.equal(result.badRows, 2);
    assert.deepEqual(result.problems.map((p) => [p.row, p.letter, p.column, p.rule]), [
      [3, 'A', 'cpr', 'cpr.format'], [5, 'H', 'henvisningskilde', 'enum'], [5, 'K', 'modtaget', 'import.date'],
    ]);
  });

  it('never puts a cell value in a problem', () => {
    const result = validate([{ ...GOOD, cpr: '3102709876', efternavn: '' }, { ...GOOD, cpr: '0101709876', modtaget: 'x' }]);
    assert.ok(!result.ok);
    const report = JSON.stringify(result.problems) + problemLines('da', result.problems).join('\n') + problemLines('en', result.problems).join('\n');
    assert.doesNotMatch(report, /9876|310270|010170/);
  });

  it('repairs leading zeros that Excel dropped from number cells, and reads date cells', () => {
    const result = validate([{ ...GOOD, cpr: 101701234, postnummer: 800, telefon: 12345678, henvisende_sor: 123456789, modtaget: new Date(Date.UTC(2026, 2, 1, 10, 0)) }], { typed: true });
    assert.ok(result.ok);
    assert.equal(result.rows[0]!.citizen.cprDigits, '0101701234');
    assert.equal(result.rows[0]!.citizen.postalCode, '0800');
    assert.equal(result.rows[0]!.citizen.phone, '12345678');
    assert.equal(result.rows[0]!.referral.receivedAt, '2026-03-01T09:00:00.000Z');
    assert.deepEqual(rulesFor({ cpr: '101701234' }), ['cpr:cpr.format'], 'text keeps what was typed');
  });

  it('renders Danish and English report lines naming row, column letter and column', () => {
    const result = validate([GOOD, { ...GOOD, cpr: '' }]);
    assert.ok(!result.ok);
    assert.deepEqual(problemLines('da', result.problems), ['Række 3, kolonne A: Feltet "cpr" skal udfyldes.']);
    assert.deepEqual(problemLines('en', result.problems), ['Row 3, column A: The field "cpr" is required.']);
  });
});
