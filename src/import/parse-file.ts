import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell, Table } from './referral-rows.ts';

/**
 * Reads a CSV or XLSX file into a table of cells. Row numbers are those a spreadsheet user sees:
 * the header is row 1 in a CSV file; in an XLSX file the sheet's own row numbers are kept.
 */

export type FileProblem =
  | { kind: 'extension'; ext: string }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'csv'; line: number; code: string }
  | { kind: 'xlsx'; reason: string }
  | { kind: 'empty' };

export class ImportFileError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem) {
    super(`import file: ${problem.kind}`);
    this.problem = problem;
  }
}

export type FileFormat = 'csv' | 'xlsx';

export function formatOf(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new ImportFileError({ kind: 'extension', ext: ext || '(ingen)' });
}

export async function readTable(path: string): Promise<{ table: Table; format: FileFormat; bytes: Buffer }> {
  const format = formatOf(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportFileError({ kind: 'unreadable', reason: code ?? (err instanceof Error ? err.message : String(err)) });
  }
  const table = format === 'csv' ? csvTable(bytes) : await xlsxTable(bytes);
  return { table, format, bytes };
}

/** UTF-8 (with or without BOM); otherwise Windows-1252, which Danish Excel uses for "CSV (semikolonsepareret)". */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter used most in the header line, outside quotes: ';' (Danish Excel), ',' or tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export function csvTable(bytes: Uint8Array): Table {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportFileError({ kind: 'empty' });
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    // csv-parse messages can quote cell values (a CPR number); report only the line and the error code.
    const e = err as { code?: string; lines?: number };
    throw new ImportFileError({ kind: 'csv', line: e.lines ?? 0, code: e.code ?? 'CSV_ERROR' });
  }
  const [headers = [], ...rest] = records;
  // An empty line is still a spreadsheet row, so the record index is the row number.
  return { headers: headers.map((h) => h.trim()), rows: rest.map((cells, i) => ({ rowNumber: i + 2, cells })), typedCells: false };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : cellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? '');
  if ('error' in value) return String(value.error);
  return null;
}

export async function xlsxTable(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new ImportFileError({ kind: 'xlsx', reason: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : 'ukendt fejl' });
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError({ kind: 'empty' });
  const read: { rowNumber: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellValue(cell.value); });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    read.push({ rowNumber, cells });
  });
  const [header, ...rest] = read;
  if (!header) throw new ImportFileError({ kind: 'empty' });
  return {
    headers: header.cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim())),
    rows: rest,
    typedCells: true,
  };
}
