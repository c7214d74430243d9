// Reading a bank statement (CSV exported from a Polish bank) and finding the invoice a transfer pays:
// the columns are recognised by their headers (mBank, PKO BP, ING, Santander, Pekao and generic
// English names), amounts and dates in Polish or ISO form, and invoice numbers in the transfer title
// however the payer wrote them ("FV/2026/11/0001", "fv 2026 11 0001", "FV-2026-11-0001"). Pure.
import { parseMoney } from '../../kernel/money/money.ts';
import { foldText } from '../../kernel/text/normalize.ts';

const HEADERS: Record<'date' | 'amount' | 'title' | 'counterparty', string[]> = {
  date: ['data operacji', 'data ksiegowania', 'data transakcji', 'data waluty', 'data', 'date', 'booking date', 'transaction date'],
  amount: ['kwota', 'kwota operacji', 'kwota transakcji', 'kwota w walucie rachunku', 'uznania', 'amount', 'credit'],
  title: ['tytul', 'tytul operacji', 'tytul przelewu', 'opis operacji', 'opis transakcji', 'opis', 'szczegoly', 'title', 'description', 'details'],
  counterparty: ['nadawca', 'nadawca / odbiorca', 'kontrahent', 'dane kontrahenta', 'nazwa kontrahenta', 'zleceniodawca', 'counterparty', 'payer', 'sender'],
};

export type StatementColumns = { date: number; amount: number; title: number; counterparty: number | null };

/** The columns of date, amount and title (and payer, if present), by header; null when one is missing. */
export function statementColumns(header: string[]): StatementColumns | null {
  const folded = header.map((h) => foldText(h).replace(/[#:*]/g, '').replace(/\s+/g, ' ').trim());
  const find = (names: string[]) => {
    for (const n of names) {
      const i = folded.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const date = find(HEADERS.date);
  const amount = find(HEADERS.amount);
  const title = find(HEADERS.title);
  if (date < 0 || amount < 0 || title < 0) return null;
  const counterparty = find(HEADERS.counterparty);
  return { date, amount, title, counterparty: counterparty >= 0 ? counterparty : null };
}

/** "2026-11-27", "27.11.2026", "27-11-2026", "27/11/2026" → "2026-11-27"; null otherwise. */
export function statementDate(s: string): string | null {
  const t = s.trim().slice(0, 10);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  m = /^(\d{2})[.\-/](\d{2})[.\-/](\d{4})$/.exec(t);
  return m ? valid(m[3]!, m[2]!, m[1]!) : null;
}
function valid(y: string, mo: string, d: string): string | null {
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d ? `${y}-${mo}-${d}` : null;
}

/** "1 234,56", "1234.56", "+1 234,56 PLN", "-50,00" → grosze; null when not an amount. */
export function statementAmount(s: string): number | null {
  return parseMoney(s.replace(/^\+/, '').replace(/\s*PLN$/i, ''));
}

/**
 * Number keys that a transfer title may contain: every token and every run of up to four consecutive
 * tokens, with separators removed and upper-cased — the same key invoices are stored under. Bounded:
 * a title of n tokens gives at most 4n keys.
 */
export function candidateNumberKeys(title: string): string[] {
  const tokens = title.toUpperCase().split(/[\s,;:()]+/).map((t) => t.replace(/[^A-Z0-9]/g, '')).filter(Boolean).slice(0, 60);
  const keys = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(tokens.length, i + 4); j++) {
      key += tokens[j];
      // A number has letters and digits: a bare date or amount is not one.
      if (/[A-Z]/.test(key) && /\d/.test(key) && key.length >= 4) keys.add(key);
    }
  }
  return [...keys];
}

export type StatementRowState = 'matched' | 'no_invoice' | 'ambiguous' | 'outgoing' | 'unreadable' | 'exceeds_balance' | 'already_recorded' | 'invoice_paid';
