import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { csvTable, decodeText, detectDelimiter, ImportFileError, readTable } from './parse-file.ts';
import { mapColumns, validateRows } from './referral-rows.ts';

const fixtures = fileURLToPath(new URL('../../test/fixtures/import/', import.meta.url));
const NOW = new Date('2026-03-10T12:00:00Z');

async function problemOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportFileError) return e.problem;
    throw e;
  }
  assert.fail('expected an ImportFileError');
}

describe('reading CSV', () => {
  it('detects the delimiter from the header line', () => {
    assert.equal(detectDelimiter('cpr;fornavn;efternavn\n1,2,3,4,5'), ';');
    assert.equal(detectDelimiter('cpr,fornavn,efternavn\n'), ',');
    assert.equal(detectDelimiter('cpr\tfornavn\tefternavn'), '\t');
    assert.equal(detectDelimiter('"a;b",c,d\n'), ',');
  });

  it('decodes UTF-8 and falls back to Windows-1252 (Danish Excel)', () => {
    assert.equal(decodeText(Buffer.from('årsag;Lægen', 'utf8')), 'årsag;Lægen');
    assert.equal(decodeText(Buffer.from('årsag;Lægen', 'latin1')), 'årsag;Lægen');
  });

  it('keeps spreadsheet row numbers through quoted line breaks and blank lines', () => {
    const t = csvTable(Buffer.from('\uFEFFcpr,årsag\n1,"two\nlines"\n\n3,x\n'));
    assert.deepEqual(t.headers, ['cpr', 'årsag']);
    assert.deepEqual(t.rows.map((r) => [r.rowNumber, r.cells[0]]), [[2, '1'], [3, ''], [4, '3']]);
  });

  it('reports broken CSV by line and code only, never a cell value', () => {
    assert.deepEqual(assertThrows(() => csvTable(Buffer.from('cpr;x\n0101701234"x;y\n'))), { kind: 'csv', line: 2, code: 'INVALID_OPENING_QUOTE' });
    assert.deepEqual(assertThrows(() => csvTable(Buffer.from('cpr;x\n"0101701234;y\n'))), { kind: 'csv', line: 2, code: 'CSV_QUOTE_NOT_CLOSED' });
    assert.deepEqual(assertThrows(() => csvTable(Buffer.from(' \n'))), { kind: 'empty' });
  });

  it('reads the example files in test/fixtures/import', async () => {
    const good = await readTable(join(fixtures, 'henvisninger.csv'));
    const result = validateRows(good.table, mapColumns(good.table.headers), NOW);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.rows.length, 3);
    assert.equal(result.rows[0]!.referral.reason, 'Type 2-diabetes; ønsker hjælp til vægttab');

    // The same file saved by Danish Excel as "CSV (semikolonsepareret)": Windows-1252, no BOM.
    const latin = Buffer.from((await readFile(join(fixtures, 'henvisninger.csv'), 'utf8')).replace(/^\uFEFF/, ''), 'latin1');
    const t = csvTable(latin);
    assert.equal(t.headers.at(-1), 'årsag');
    assert.ok(validateRows(t, mapColumns(t.headers), NOW).ok);

    const bad = await readTable(join(fixtures, 'henvisninger-med-fejl.csv'));
    const badResult = validateRows(bad.table, mapColumns(bad.table.headers), NOW);
    assert.ok(!badResult.ok);
    assert.deepEqual(badResult.problems.map((p) => `${p.row}${p.letter} ${p.rule}`), [
      '3A cpr.format', '3D enum', '5B required', '5E diagnosis.code', '5F import.date',
    ]);
  });
});

describe('reading files', () => {
  it('refuses unknown extensions and unreadable files', async () => {
    assert.deepEqual(await problemOf(readTable('/tmp/henvisninger.xls')), { kind: 'extension', ext: '.xls' });
    assert.deepEqual(await problemOf(readTable('/tmp/henvisninger')), { kind: 'extension', ext: '(ingen)' });
    assert.deepEqual(await problemOf(readTable('/nonexistent/henvisninger.csv')), { kind: 'unreadable', reason: 'ENOENT' });
  });

  it('reads XLSX cells with their types and row numbers, and refuses a broken workbook', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ligevej-xlsx-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Henvisninger');
      ws.addRow(['CPR', 'Fornavn', 'Modtaget', 'Diagnoser']);
      ws.addRow([101701234, { richText: [{ text: 'Ka' }, { text: 'ren' }] }, new Date(Date.UTC(2026, 2, 1)), { formula: '"DE"&"11"', result: 'DE11' }]);
      ws.addRow([]);
      ws.addRow(['0101701234', 'Ib', '01.03.2026', null]);
      const file = join(dir, 'h.xlsx');
      await wb.xlsx.writeFile(file);
      const { table, format } = await readTable(file);
      assert.equal(format, 'xlsx');
      assert.deepEqual(table.headers, ['CPR', 'Fornavn', 'Modtaget', 'Diagnoser']);
      assert.deepEqual(table.rows.map((r) => r.rowNumber), [2, 4]);
      assert.deepEqual(table.rows[0]!.cells, [101701234, 'Karen', new Date(Date.UTC(2026, 2, 1)), 'DE11']);
      assert.deepEqual(table.rows[1]!.cells, ['0101701234', 'Ib', '01.03.2026'], 'trailing empty cells are absent');

      await writeFile(join(dir, 'broken.xlsx'), 'not a zip');
      assert.equal(((await problemOf(readTable(join(dir, 'broken.xlsx')))) as { kind: string }).kind, 'xlsx');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function assertThrows(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportFileError) return e.problem;
    throw e;
  }
  return assert.fail('expected an ImportFileError');
}
