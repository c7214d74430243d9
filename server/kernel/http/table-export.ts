// Streams rows as CSV (semicolons + BOM: what Polish Excel opens with a double click) or XLSX.
// Lists hand over an async iterable of keyset batches, so exports of any size use bounded memory.
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type ExportColumn<R> = { pl: string; en: string; width?: number; value: (row: R, lang: 'pl' | 'en') => string | number | null };

export function exportRows<R>(opts: {
  columns: ExportColumn<R>[];
  batches: AsyncIterable<R[]>;
  format: 'csv' | 'xlsx';
  lang: 'pl' | 'en';
  sheet: { pl: string; en: string };
}): Readable {
  const { columns, batches, lang } = opts;
  const cells = (r: R) => columns.map((c) => c.value(r, lang));
  if (opts.format === 'csv') {
    const out = stringify({ delimiter: ';', bom: true });
    void (async () => {
      try {
        out.write(columns.map((c) => c[lang]));
        for await (const batch of batches) for (const r of batch) if (!out.write(cells(r))) await new Promise((res) => out.once('drain', res));
        out.end();
      } catch (e) {
        out.destroy(e as Error);
      }
    })();
    return out;
  }
  const pass = new PassThrough();
  void (async () => {
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true });
      const ws = wb.addWorksheet(opts.sheet[lang]);
      ws.columns = columns.map((c, i) => ({ header: c[lang], key: `c${i}`, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const batch of batches) for (const r of batch) ws.addRow(cells(r)).commit();
      ws.commit();
      await wb.commit();
    } catch (e) {
      pass.destroy(e as Error);
    }
  })();
  return pass;
}
