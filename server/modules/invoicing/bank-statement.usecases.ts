// Bank statement import: a preview that reads every row and matches incoming transfers to issued VAT
// invoices by the number in the title (nothing written), then a commit of the rows the accountant
// keeps, all in one transaction (any refusal leaves everything as it was). A row already recorded
// (same invoice, date, amount and title) is never recorded twice.
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { AppError, fieldError, invalidFields } from '../../kernel/errors/app-error.ts';
import { detectDelimiter } from '../customers/customers.import.ts';
import { decodeText } from '../imports/imports.read.ts';
import { candidateNumberKeys, statementAmount, statementColumns, statementDate, type StatementRowState } from './bank-statement.rules.ts';
import { invoicesRepository as repo, type InvoiceRow } from './invoicing.repository.ts';
import { invoicePayments } from './invoicing.table.ts';
import { recordPaymentIn } from './payments.usecases.ts';

export const MAX_STATEMENT_ROWS = 5_000;

export type StatementRow = {
  row: number;
  paidOn: string | null;
  amountMinor: number | null;
  title: string;
  counterparty: string;
  state: StatementRowState;
  invoiceId: string | null;
  invoiceNumber: string | null;
  balanceMinor: number | null;
};

const unreadable = (why: string) => new AppError('invoices.statement_unreadable', 422, `The statement cannot be read: ${why}`, { fields: [fieldError('contentBase64', 'invoices.statement_unreadable', why)] });

function readRows(contentBase64: string) {
  const text = decodeText(Buffer.from(contentBase64, 'base64'));
  const lines = text.split(/\r?\n/);
  // Banks put account details above the table: the header is the first line naming date, amount and title.
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // The table's delimiter, from the line that has the most of one (the account details above it have few).
    const sample = lines.slice(0, 30).reduce((best, l) => ((l.match(/[;,\t]/g) ?? []).length > (best.match(/[;,\t]/g) ?? []).length ? l : best), '');
    parsed = parse(text, { delimiter: detectDelimiter(sample), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as typeof parsed;
  } catch (e) {
    throw unreadable((e as Error).message);
  }
  const records = parsed.map((p) => p.record);
  const headerAt = records.findIndex((r) => statementColumns(r) !== null);
  if (headerAt < 0) throw unreadable('no header row with a date, an amount and a title');
  const columns = statementColumns(records[headerAt]!)!;
  const data = records.slice(headerAt + 1);
  if (data.length > MAX_STATEMENT_ROWS) throw unreadable(`at most ${MAX_STATEMENT_ROWS} rows`);
  return data.map((r, i) => ({
    row: parsed[headerAt + 1 + i]!.info.lines, // the line in the file, as the accountant sees it
    paidOn: statementDate(r[columns.date] ?? ''),
    amountMinor: statementAmount(r[columns.amount] ?? ''),
    title: (r[columns.title] ?? '').slice(0, 300),
    counterparty: columns.counterparty === null ? '' : (r[columns.counterparty] ?? '').slice(0, 200),
  }));
}

export async function previewStatement(deps: Deps, ctx: Ctx, contentBase64: string): Promise<{ rows: StatementRow[] }> {
  authorize(ctx.actor, 'invoices:pay');
  const db = deps.database.db;
  const rows = readRows(contentBase64);
  const keysOf = rows.map((r) => candidateNumberKeys(r.title));
  const found = new Map<string, InvoiceRow>();
  const allKeys = [...new Set(keysOf.flat())];
  for (let i = 0; i < allKeys.length; i += 500) for (const inv of await repo.byNumberKeys(db, allKeys.slice(i, i + 500))) found.set(inv.numberKey!, inv);
  const out: StatementRow[] = [];
  for (const [i, r] of rows.entries()) {
    const base = { ...r, invoiceId: null, invoiceNumber: null, balanceMinor: null };
    if (!r.paidOn || r.amountMinor === null) {
      out.push({ ...base, state: 'unreadable' });
      continue;
    }
    if (r.amountMinor <= 0) {
      out.push({ ...base, state: 'outgoing' });
      continue;
    }
    const invoices = [...new Map(keysOf[i]!.flatMap((k) => (found.has(k) ? [[found.get(k)!.id, found.get(k)!] as const] : []))).values()];
    if (invoices.length !== 1) {
      out.push({ ...base, state: invoices.length ? 'ambiguous' : 'no_invoice' });
      continue;
    }
    const inv = invoices[0]!;
    const balance = inv.payableMinor - inv.paidMinor;
    const matched = { ...base, invoiceId: inv.id, invoiceNumber: inv.number, balanceMinor: balance };
    const recorded = await db
      .select({ id: invoicePayments.id })
      .from(invoicePayments)
      .where(and(eq(invoicePayments.invoiceId, inv.id), eq(invoicePayments.paidOn, r.paidOn), eq(invoicePayments.amountMinor, r.amountMinor), eq(invoicePayments.reference, r.title)))
      .limit(1);
    const state: StatementRowState = recorded.length ? 'already_recorded' : balance <= 0 ? 'invoice_paid' : r.amountMinor > balance ? 'exceeds_balance' : 'matched';
    out.push({ ...matched, state });
  }
  return { rows: out };
}

export type StatementCommitRow = { invoiceId: string; paidOn: string; amountMinor: number; reference: string };

/** Records the kept rows as payments in one transaction; a row that no longer fits refuses them all. */
export async function commitStatement(deps: Deps, ctx: Ctx, rows: StatementCommitRow[]): Promise<{ recorded: number }> {
  authorize(ctx.actor, 'invoices:pay');
  if (rows.length === 0) throw invalidFields([fieldError('rows', 'invoices.statement_nothing_to_record', 'Choose at least one row')]);
  return deps.database.db.transaction(async (tx) => {
    for (const [i, r] of rows.entries()) {
      try {
        await recordPaymentIn(tx, deps, ctx, r.invoiceId, { paidOn: r.paidOn, amountMinor: r.amountMinor, method: 'transfer', reference: r.reference }, 'bank_statement');
      } catch (e) {
        if (e instanceof AppError && e.fields.length) throw invalidFields(e.fields.map((f) => ({ ...f, path: `rows.${i}.${f.path}`, params: { ...f.params, row: i + 1 } })));
        throw e;
      }
    }
    return { recorded: rows.length };
  });
}
