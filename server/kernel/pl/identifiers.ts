// Polish identifiers: NIP (tax id), REGON (business register), PESEL (personal id), NRB/IBAN (bank
// account). Pure functions; each `normalize…` strips separators, each `is…` checks the checksum.

const onlyDigits = (s: string) => s.replace(/[\s-]/g, '');

function weightedSum(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return sum;
}

/** "PL 123-456-32-18" → "1234563218"; returns the input stripped even when it is not valid. */
export const normalizeNip = (s: string) => onlyDigits(s.trim().replace(/^PL/i, ''));

export function isValidNip(input: string): boolean {
  const nip = normalizeNip(input);
  if (!/^\d{10}$/.test(nip) || nip === '0000000000') return false;
  const check = weightedSum(nip, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return check !== 10 && check === Number(nip[9]);
}

export const normalizeRegon = (s: string) => onlyDigits(s.trim());

export function isValidRegon(input: string): boolean {
  const r = normalizeRegon(input);
  if (/^\d{9}$/.test(r)) return (weightedSum(r, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10 === Number(r[8]);
  if (/^\d{14}$/.test(r))
    return (
      isValidRegon(r.slice(0, 9)) &&
      (weightedSum(r, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11) % 10 === Number(r[13])
    );
  return false;
}

export const normalizePesel = (s: string) => onlyDigits(s.trim());

/** Checks the checksum and that the encoded birth date exists (months +80/+20/+40/+60 encode the century). */
export function isValidPesel(input: string): boolean {
  const p = normalizePesel(input);
  if (!/^\d{11}$/.test(p)) return false;
  const check = (10 - (weightedSum(p, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== Number(p[10])) return false;
  const yy = Number(p.slice(0, 2));
  let mm = Number(p.slice(2, 4));
  const dd = Number(p.slice(4, 6));
  const centuries: [number, number][] = [[80, 1800], [0, 1900], [20, 2000], [40, 2100], [60, 2200]];
  let year = -1;
  for (const [offset, base] of centuries) {
    if (mm > offset && mm <= offset + 12) {
      year = base + yy;
      mm -= offset;
      break;
    }
  }
  if (year < 0) return false;
  const d = new Date(Date.UTC(year, mm - 1, dd));
  return d.getUTCFullYear() === year && d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd;
}

/** A Polish account number (NRB, 26 digits) or a PL IBAN; normalized to 26 digits. */
export const normalizeBankAccount = (s: string) => s.replace(/\s+/g, '').replace(/^PL/i, '');

export function isValidPolishBankAccount(input: string): boolean {
  const nrb = normalizeBankAccount(input);
  if (!/^\d{26}$/.test(nrb)) return false;
  // IBAN check: move "PL" + check digits to the end, letters as numbers (P=25, L=21), mod 97 = 1.
  const rearranged = nrb.slice(2) + '2521' + nrb.slice(0, 2);
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + Number(ch)) % 97;
  return rem === 1;
}

/** "12-345" for Polish addresses. */
export const isValidPolishPostalCode = (s: string) => /^\d{2}-\d{3}$/.test(s.trim());

/** Groups an NRB for display: "61 1090 1014 0000 0712 1981 2874". */
export function formatBankAccount(nrb: string): string {
  const d = normalizeBankAccount(nrb);
  return d.length === 26 ? `${d.slice(0, 2)} ${d.slice(2).replace(/(\d{4})(?=\d)/g, '$1 ')}` : nrb;
}
