import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { toCsv, toXlsx, zip, type TableData } from '../../web/src/pages/dashboard/export.ts';

/** The dashboard's own table exports, read back by an independent reader (exceljs, as Excel would open them). */
const table: TableData = {
  title: 'Forløbet trin for trin',
  columns: ['Uddannelse', 'Henvist', 'Gennemført'],
  rows: [
    { head: 'Grundskole', cells: [{ text: '40' }, { text: '<5', note: 'Færre end 5; skjult' }] },
    { head: 'Videregående; "høj"', cells: [{ text: '24' }, { text: '12 (66,7 %)' }] },
  ],
  notes: ['Små tal er skjult.'],
};

describe('dashboard table exports', () => {
  it('writes an XLSX workbook Excel can open: title, header, numbers as numbers, "<5" as text, the notes', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(toXlsx(table)) as never);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getCell('A1').value, 'Forløbet trin for trin');
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['Uddannelse', 'Henvist', 'Gennemført']);
    assert.deepEqual((sheet.getRow(4).values as unknown[]).slice(1), ['Grundskole', 40, '<5']);
    assert.deepEqual((sheet.getRow(5).values as unknown[]).slice(1), ['Videregående; "høj"', 24, '12 (66,7 %)']);
    assert.equal(sheet.getCell('A7').value, 'Små tal er skjult.');
  });

  it('writes CSV the Danish way: BOM, semicolons, quotes only where needed', () => {
    assert.equal(toCsv(table), '\uFEFFForløbet trin for trin\r\nUddannelse;Henvist;Gennemført\r\nGrundskole;40;<5\r\n"Videregående; ""høj""";24;12 (66,7 %)\r\nSmå tal er skjult.\r\n');
  });

  it('stores files in a zip with their CRC-32 (the value of "123456789" is cbf43926)', () => {
    const z = Buffer.from(zip({ 'a.txt': '123456789' }));
    assert.deepEqual([...z.subarray(0, 4)], [0x50, 0x4b, 3, 4]);
    assert.equal(z.readUInt32LE(14).toString(16), 'cbf43926');
  });
});
