// The amount due in words ("słownie"), as Polish invoices print it: whole złoty in words, grosze as a
// fraction ("785,97 zł" → "siedemset osiemdziesiąt pięć złotych 97/100"). Pure, integer arithmetic.
// The English form is a courtesy on English invoices; the Polish one is always printed too.

const PL_UNITS = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const PL_TEENS = ['dziesięć', 'jedenaście', 'dwanaście', 'trzynaście', 'czternaście', 'piętnaście', 'szesnaście', 'siedemnaście', 'osiemnaście', 'dziewiętnaście'];
const PL_TENS = ['', '', 'dwadzieścia', 'trzydzieści', 'czterdzieści', 'pięćdziesiąt', 'sześćdziesiąt', 'siedemdziesiąt', 'osiemdziesiąt', 'dziewięćdziesiąt'];
const PL_HUNDREDS = ['', 'sto', 'dwieście', 'trzysta', 'czterysta', 'pięćset', 'sześćset', 'siedemset', 'osiemset', 'dziewięćset'];

/** Singular, nominative plural (2–4), genitive plural (5+, 12–14, 0). */
type PlForms = readonly [one: string, few: string, many: string];
const ZLOTY: PlForms = ['złoty', 'złote', 'złotych'];
// Largest first.
const PL_SCALES: { value: number; forms: PlForms }[] = [
  { value: 1_000_000_000_000, forms: ['bilion', 'biliony', 'bilionów'] },
  { value: 1_000_000_000, forms: ['miliard', 'miliardy', 'miliardów'] },
  { value: 1_000_000, forms: ['milion', 'miliony', 'milionów'] },
  { value: 1_000, forms: ['tysiąc', 'tysiące', 'tysięcy'] },
];

/** The Polish form of a noun after a number: 1 złoty, 2 złote, 5 złotych, 12 złotych, 22 złote. */
export function polishPlural(n: number, forms: PlForms): string {
  if (n === 1) return forms[0];
  const lastTwo = n % 100;
  const last = n % 10;
  if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return forms[1];
  return forms[2];
}

/** 1–999 in Polish words. */
function plTriple(n: number): string {
  const words = [PL_HUNDREDS[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(PL_TEENS[rest - 10]!);
  else words.push(PL_TENS[Math.floor(rest / 10)]!, PL_UNITS[rest % 10]!);
  return words.filter(Boolean).join(' ');
}

/** A whole non-negative number in Polish words ("tysiąc", not "jeden tysiąc"). */
function plNumber(n: number): string {
  if (n === 0) return 'zero';
  const words: string[] = [];
  let rest = n;
  for (const scale of PL_SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count === 0) continue;
    words.push(count === 1 ? scale.forms[0] : `${plNumber(count)} ${polishPlural(count, scale.forms)}`);
  }
  if (rest > 0) words.push(plTriple(rest));
  return words.join(' ');
}

function split(minor: number): { sign: string; whole: number; cents: string } {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount in grosze must be a safe integer: ${minor}`);
  const abs = Math.abs(minor);
  return { sign: minor < 0 ? 'minus ' : '', whole: Math.floor(abs / 100), cents: String(abs % 100).padStart(2, '0') };
}

/** Grosze → Polish words: 78597 → "siedemset osiemdziesiąt pięć złotych 97/100"; negative → "minus …". */
export function amountInWordsPl(minor: number): string {
  const { sign, whole, cents } = split(minor);
  return `${sign}${plNumber(whole)} ${polishPlural(whole, ZLOTY)} ${cents}/100`;
}

const EN_SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES: { value: number; name: string }[] = [
  { value: 1_000_000_000_000, name: 'trillion' },
  { value: 1_000_000_000, name: 'billion' },
  { value: 1_000_000, name: 'million' },
  { value: 1_000, name: 'thousand' },
];

function enTriple(n: number): string {
  const words: string[] = [];
  if (n >= 100) words.push(`${EN_SMALL[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest >= 20) words.push(rest % 10 ? `${EN_TENS[Math.floor(rest / 10)]}-${EN_SMALL[rest % 10]}` : EN_TENS[rest / 10]!);
  else if (rest > 0) words.push(EN_SMALL[rest]!);
  return words.join(' ');
}

function enNumber(n: number): string {
  if (n === 0) return 'zero';
  const words: string[] = [];
  let rest = n;
  for (const scale of EN_SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count > 0) words.push(`${enNumber(count)} ${scale.name}`);
  }
  if (rest > 0) words.push(enTriple(rest));
  return words.join(' ');
}

/** Grosze → English words: 78597 → "seven hundred eighty-five zloty 97/100" (zloty as the invariable currency name). */
export function amountInWordsEn(minor: number): string {
  const { sign, whole, cents } = split(minor);
  return `${sign}${enNumber(whole)} zloty ${cents}/100`;
}
