// Reads an uploaded CSV or XLSX file into a header row and data rows of strings.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../kernel/errors/app-error.ts';
import { detectDelimiter } from '../customers/customers.import.ts';

export const MAX_ROWS = 100_000;

const unreadable = (why: string) =>
  new AppError('import.unreadable', 422, `The file cannot be read: ${why}`, { fields: [{ path: 'contentBase64', code: 'import.unreadable', message: why }] });

/** UTF-8 when the bytes are valid UTF-8; otherwise Windows-1250, which Polish Excel writes. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v); // a dot decimal, whatever the sheet's locale
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return v.result === undefined || v.result === null ? '' : String(v.result instanceof Date ? v.result.toISOString().slice(0, 10) : v.result);
  return cell.text ?? String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(`not an XLSX workbook (${(e as Error).message})`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw unreadable('the workbook has no sheet');
  const out: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim());
    if (cells.some((x) => x !== '')) out.push(cells);
  });
  return out;
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  try {
    return parse(text, { delimiter: detectDelimiter(text.split(/\r?\n/, 1)[0] ?? ''), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw unreadable((e as Error).message);
  }
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b; // "PK": XLSX is a zip archive

export async function readTable(fileName: string, bytes: Uint8Array): Promise<{ headers: string[]; rows: string[][] }> {
  const records = isZip(bytes) || /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const [header, ...rows] = records;
  if (!header || rows.length === 0)
    throw new AppError('import.empty', 422, 'The file has no data rows under a header row', { fields: [{ path: 'contentBase64', code: 'import.empty', message: 'No data rows' }] });
  if (rows.length > MAX_ROWS)
    throw new AppError('import.too_many_rows', 422, `At most ${MAX_ROWS} rows per file`, { fields: [{ path: 'contentBase64', code: 'import.too_many_rows', message: `At most ${MAX_ROWS} rows` }] });
  // Blank or repeated headers still need distinct names to be mapped.
  const seen = new Map<string, number>();
  const headers = header.map((h, i) => {
    const base = h.trim() || `#${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base} (${n})` : base;
  });
  return { headers, rows: rows.map((r) => headers.map((_, i) => (r[i] ?? '').trim())) };
}
