// Import throughput: 50,000 spare parts from CSV and from XLSX through the import use cases
// (read → preview → all-or-nothing commit with audit), against a floor measured in the same run:
// the same 50,000 rows inserted with plain multi-row INSERTs through the same driver, no app code.
import ExcelJS from 'exceljs';
import type { Deps, Ctx } from '../server/deps.ts';
import { parts } from '../server/modules/catalog/catalog.table.ts';
import { partValues } from '../server/modules/catalog/parts.usecases.ts';
import { commitImport, previewImport, uploadImport } from '../server/modules/imports/imports.usecases.ts';

const HEADER = ['Kod', 'Nazwa', 'Jednostka', 'Nr katalogowy producenta', 'Cena zakupu netto', 'Cena sprzedaży netto', 'Stawka VAT', 'Stan minimalny'];
const NAMES = ['Ekran LCD', 'Bateria Li-ion', 'Złącze ładowania', 'Pompa obiegowa', 'Łożysko kulkowe', 'Filtr powietrza', 'Pasek klinowy', 'Czujnik temperatury', 'Płyta główna', 'Wentylator'];

function row(prefix: string, i: number): string[] {
  const name = `${NAMES[i % NAMES.length]} ${prefix}-${i}`;
  return [`${prefix}-${String(i).padStart(6, '0')}`, name, i % 7 === 0 ? 'kpl' : 'szt', `MPN${(i * 7919) % 1_000_000}`, `${(i % 500) + 1},${String(i % 100).padStart(2, '0')}`, `${(i % 900) + 10},99`, i % 11 === 0 ? '8' : '23', String(i % 5)];
}

export type ImportBench = { rows: number; label: string; ms: number; rowsPerSecond: number; ratioToFloor: number | null }[];

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

export async function benchPartsImport(deps: Deps, ctx: Ctx, n = 50_000): Promise<ImportBench> {
  const { db } = deps.database;
  const out: ImportBench = [];
  const add = (label: string, ms: number, floorMs: number | null) =>
    out.push({ rows: n, label, ms, rowsPerSecond: Math.round(n / (ms / 1000)), ratioToFloor: floorMs ? ms / floorMs : null });

  // Floor: the rows as the import would store them, bulk-inserted without parsing, validation or audit.
  const now = new Date();
  const floorRows = Array.from({ length: n }, (_, i) => {
    const r = row('FLR', i);
    return { ...partValues({ code: r[0]!, name: r[1]!, unit: 'pcs', manufacturerPartNumber: r[3]!, ean: null, purchasePriceMinor: 100, salePriceMinor: 200, vatRateCode: '23', minStock: '0', description: '' }), createdAt: now, updatedAt: now };
  });
  const [, floorMs] = await timed(() =>
    db.transaction(async (tx) => {
      for (let i = 0; i < floorRows.length; i += 1000) await tx.insert(parts).values(floorRows.slice(i, i + 1000));
    }),
  );
  add('floor: plain bulk INSERT of the same rows', floorMs, null);

  const csv = [HEADER, ...Array.from({ length: n }, (_, i) => row('CSV', i))].map((r) => r.join(';')).join('\n');
  const [up, upMs] = await timed(() => uploadImport(deps, ctx, 'parts', { fileName: 'czesci.csv', contentBase64: Buffer.from(csv).toString('base64') }));
  add('CSV: upload (read + store)', upMs, floorMs);
  const [preview, prevMs] = await timed(() => previewImport(deps, ctx, up.uploadId, up.suggestedMapping));
  if (preview.invalidRows) throw new Error(`bench CSV has ${preview.invalidRows} invalid rows: ${JSON.stringify(preview.rows[0])}`);
  add('CSV: preview (validate every row)', prevMs, floorMs);
  const [commit, commitMs] = await timed(() => commitImport(deps, ctx, up.uploadId, up.suggestedMapping));
  if (commit.created !== n) throw new Error(`imported ${commit.created} of ${n}`);
  add('CSV: commit (validate, insert, audit)', commitMs, floorMs);
  add('CSV: whole import', upMs + prevMs + commitMs, floorMs);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Części');
  ws.addRow(HEADER);
  for (let i = 0; i < n; i++) ws.addRow(row('XLS', i));
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const [upX, upXMs] = await timed(() => uploadImport(deps, ctx, 'parts', { fileName: 'czesci.xlsx', contentBase64: xlsx }));
  add('XLSX: upload (read + store)', upXMs, floorMs);
  const [, prevXMs] = await timed(() => previewImport(deps, ctx, upX.uploadId, upX.suggestedMapping));
  const [commitX, commitXMs] = await timed(() => commitImport(deps, ctx, upX.uploadId, upX.suggestedMapping));
  if (commitX.created !== n) throw new Error(`imported ${commitX.created} of ${n} from XLSX`);
  add('XLSX: whole import', upXMs + prevXMs + commitXMs, floorMs);
  return out;
}

export function importTable(rows: ImportBench): string {
  const lines = [`| step (${(rows[0]?.rows ?? 0).toLocaleString('en')} parts) | time | rows/s | × floor time |`, '|---|--:|--:|--:|'];
  for (const r of rows) lines.push(`| ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${r.rowsPerSecond.toLocaleString('en')} | ${r.ratioToFloor === null ? '1.00' : r.ratioToFloor.toFixed(2)} |`);
  return lines.join('\n');
}
