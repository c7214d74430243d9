// Pure SMS rules: how many segments a text costs (GSM-7 or UCS-2), the optional folding of Polish
// letters into GSM-7, and phone numbers normalized to E.164 with Poland (+48) as the default country.

/** GSM 03.38 basic character set: one septet each. */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** GSM 03.38 extension table: an escape septet plus one, so two septets each. */
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';
export type SmsSegments = {
  encoding: SmsEncoding;
  /** Segments (parts) the message is sent as; 0 for an empty text. */
  segments: number;
  /** Length in the encoding's units: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  characters: number;
};

export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

export const isGsm7Char = (ch: string) => BASIC.has(ch) || EXTENSION.has(ch);

/**
 * Units of each character in the chosen encoding. A character is never split between two parts
 * (an escape sequence or a surrogate pair goes whole into the next part), so parts are packed
 * greedily instead of dividing the total.
 */
function units(text: string, encoding: SmsEncoding): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  return out;
}

export function countSmsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = [...text].every(isGsm7Char) ? 'GSM-7' : 'UCS-2';
  const u = units(text, encoding);
  const characters = u.reduce((a, b) => a + b, 0);
  const limits = SMS_LIMITS[encoding];
  if (characters === 0) return { encoding, segments: 0, characters };
  if (characters <= limits.single) return { encoding, segments: 1, characters };
  let segments = 1;
  let used = 0;
  for (const n of u) {
    if (used + n > limits.part) {
      segments++;
      used = 0;
    }
    used += n;
  }
  return { encoding, segments, characters };
}

/**
 * Polish letters and the typography Polish text commonly carries („cudzysłów”, dashes, non-breaking
 * spaces) folded into GSM-7, so a message stays at 160 characters per segment instead of 70.
 * Other characters are left as they are (é, ü, Ø are in GSM-7 already).
 */
const FOLD: Record<string, string> = {
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
  Ą: 'A', Ć: 'C', Ę: 'E', Ł: 'L', Ń: 'N', Ó: 'O', Ś: 'S', Ź: 'Z', Ż: 'Z',
  '„': '"', '”': '"', '“': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '...',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ',
};

export function transliterateForGsm(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD[ch] ?? ch;
  return out;
}

/**
 * A phone number as E.164 ("+48600100200"); Polish numbers may be written without the country code.
 * Spaces, dashes, dots and parentheses are ignored; "00" is read as "+". Null when it is not a
 * plausible mobile/landline number (Polish: exactly 9 digits after +48; others: 8–15 digits).
 */
export function normalizePhone(input: string, defaultCountry = '48'): string | null {
  const raw = input.trim();
  if (!/^[+\d(][\d\s().-]*$/.test(raw)) return null;
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  let e164: string;
  if (digits.startsWith('+')) e164 = digits;
  else if (/^\d{9}$/.test(digits)) e164 = `+${defaultCountry}${digits}`;
  else if (digits.startsWith(defaultCountry) && digits.length === defaultCountry.length + 9) e164 = `+${digits}`;
  else return null;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return null;
  if (e164.startsWith('+48') && e164.length !== 12) return null;
  return e164;
}
