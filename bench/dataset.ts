// Deterministic Polish customers for the benchmark, and the bulk path that loads them.
// Row i depends only on (seed, i), so a database grown 10k → 200k holds the same rows as one filled
// with 200k at once, and two runs with the same seed are comparable.
// search_text and sort_key come from the customers module's own functions, exactly as the use cases
// fill them (ADR 0001): a generated row is indistinguishable from one created through the API.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../server/db/client.ts';
import { customerSearchText, customerSortKey, validateCustomer } from '../server/modules/customers/customers.rules.ts';
import type { CustomerInput } from '../server/modules/customers/customers.schemas.ts';
import { foldText } from '../server/kernel/text/normalize.ts';
import { CITIES, CITY_TABLE, MALE, FEMALE, SURNAMES, feminine, TRADES_ADJ, TRADES_NOUN, WORDS, DEVICES, PATRONS, STREETS, ROLES, MAIL_DOMAINS, NOTES } from './polish-words.ts';

// ---------------------------------------------------------------------------------------------
// PRNG: four 32-bit hashes of (seed, index) seed sfc32 for one row.

function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export type Rng = {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  digits(n: number): string;
};

/** sfc32 (128-bit state) seeded from four hashes of the parts: no two rows share a stream in practice. */
export function rng(...parts: number[]): Rng {
  let a = hash32(...parts, 1);
  let b = hash32(...parts, 2);
  let c = hash32(...parts, 3);
  let d = hash32(...parts, 4);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // sfc32's first outputs are correlated with the seed
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    digits: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(int(0, 9));
      return s;
    },
  };
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
/**
 * A version-4-shaped UUID for record `slot` of customer `index` (slot 0: the customer, 1–2: its
 * contacts). The first 12 bytes are hashed (so inserts land all over the B-tree, like
 * gen_random_uuid()); the last 4 are a bijection of (index, slot), so ids never collide.
 */
export function uuidFor(seed: number, index: number, slot: number): string {
  if (index >= 2 ** 28 || slot > 15) throw new Error('uuidFor: index or slot out of range');
  const h = hex8(hash32(seed, index, slot, 11)) + hex8(hash32(seed, index, slot, 12)) + hex8(hash32(seed, index, slot, 13));
  const tail = hex8(((index | (slot << 28)) ^ hash32(seed, 0x7a11)) >>> 0);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 24)}${tail}`;
}

// ---------------------------------------------------------------------------------------------
// Polish identifiers with valid checksums (the same rules as server/kernel/pl/identifiers.ts).

const weighted = (d: string, w: number[]) => w.reduce((s, x, i) => s + Number(d[i]) * x, 0);

export function randomNip(r: Rng): string {
  for (;;) {
    const body = String(r.int(101, 999)) + r.digits(6);
    const check = weighted(body, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    if (check !== 10) return body + String(check);
  }
}

export function randomRegon9(r: Rng): string {
  const body = String(r.int(1, 9)) + r.digits(7);
  return body + String((weighted(body, [8, 9, 2, 3, 4, 5, 6, 7]) % 11) % 10);
}

export function randomPesel(r: Rng, female: boolean): string {
  const year = r.int(1940, 2006);
  const month = r.int(1, 12) + (year >= 2000 ? 20 : 0);
  const day = r.int(1, 28);
  const sex = female ? r.pick([0, 2, 4, 6, 8]) : r.pick([1, 3, 5, 7, 9]);
  const body = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${r.digits(3)}${sex}`;
  return body + String((10 - (weighted(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** City, postal-code prefixes, relative weight (roughly by population), landline area code. */
export type GeneratedContact = { id: string; name: string; role: string; email: string; phone: string; language: 'pl' | 'en' };
export type GeneratedCustomer = {
  id: string;
  kind: 'company' | 'individual';
  name: string;
  nip: string | null;
  regon: string | null;
  pesel: string | null;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  notes: string;
  archivedAt: Date | null;
  createdAt: Date;
  contacts: GeneratedContact[];
  searchText: string;
  sortKey: string;
};

const slug = (s: string) =>
  foldText(s)
    .replace(/\b(sp|z|o|s|a|c|k|i|w|nr|im|ul|p|h|u|f)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 3)
    .join('-') || 'firma';
const emailLocal = (first: string, last: string) => `${foldText(first)}.${foldText(last)}`.replace(/[^a-z0-9.]/g, '');

function mobile(r: Rng): string {
  return `${r.pick(['+48 ', '', ''])}${r.pick(['5', '6', '7', '8'])}${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`;
}
function landline(r: Rng, area: string): string {
  return `+48 ${area} ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`;
}
function person(r: Rng) {
  const female = r.chance(0.5);
  const first = r.pick(female ? FEMALE : MALE);
  const surname = r.pick(SURNAMES);
  return { female, first, last: female ? feminine(surname) : surname, surname };
}
function street(r: Rng): string {
  const prefix = r.chance(0.85) ? 'ul.' : r.chance(0.6) ? 'al.' : 'os.';
  const n = r.int(1, 180);
  return `${prefix} ${r.pick(STREETS)} ${n}${r.chance(0.35) ? `/${r.int(1, 60)}` : ''}`;
}

function companyName(r: Rng, city: string, streetName: string): string {
  const p = person(r);
  switch (r.int(0, 13)) {
    case 0:
    case 1:
      return `Zakład Usług ${r.pick(TRADES_ADJ)} ${city}`;
    case 2:
    case 3:
      return `${r.pick(TRADES_NOUN)} ${p.surname}`;
    case 4:
      return `${r.pick(['P.H.U.', 'F.H.U.', 'PPHU', 'Z.P.H.U.'])} ${p.surname}${r.chance(0.4) ? ` ${p.first}` : ''}`;
    case 5:
      return `${p.surname} i ${r.pick(['Syn', 'Synowie', 'Wspólnicy'])} ${r.pick(['s.c.', 'sp.j.', 'sp.k.'])}`;
    case 6:
    case 7:
      return `${r.pick(WORDS)}${r.chance(0.5) ? '-' + r.pick(WORDS) : ''} Serwis sp. z o.o.`;
    case 8:
      return `Serwis ${r.pick(DEVICES)} ${p.surname}`;
    case 9:
      return `Przedsiębiorstwo Handlowo-Usługowe „${r.pick(WORDS)}” ${p.first} ${p.last}`;
    case 10:
      return r.chance(0.5) ? `Spółdzielnia Mieszkaniowa „${r.pick(WORDS)}”` : `Wspólnota Mieszkaniowa ${streetName}`;
    case 11:
      return `Szkoła Podstawowa nr ${r.int(1, 220)} im. ${r.pick(PATRONS)}`;
    case 12:
      return `${r.pick(['Apteka', 'Piekarnia', 'Restauracja', 'Hotel', 'Przychodnia', 'Pensjonat', 'Kwiaciarnia'])} „${r.pick(WORDS)}”`;
    default:
      return `${r.pick(WORDS)}${r.pick(['pol', 'max', 'tech', 'bud', 'trans'])} ${r.pick(['S.A.', 'sp. z o.o.', 'sp.k.'])}`;
  }
}

/** Customer number `index` of the data set `seed`. Pure: the same inputs give the same row. */
export function generateCustomer(seed: number, index: number): GeneratedCustomer {
  const r = rng(seed, index);
  const [city, postalPrefixes, , area] = r.pick(CITY_TABLE);
  const st = street(r);
  const postalCode = `${r.pick(postalPrefixes)}-${r.digits(3)}`;
  const createdAt = new Date(Date.UTC(2019, 0, 1) + Math.floor(r.next() * 7.8 * 365 * 86_400_000));
  const archivedAt = r.chance(0.02) ? new Date(createdAt.getTime() + 86_400_000 * r.int(30, 600)) : null;
  const notes = r.pick(NOTES);
  const id = uuidFor(seed, index, 0);
  const contacts: GeneratedContact[] = [];
  const contactCount = r.chance(0.5) ? 1 : 2;
  const language = () => (r.chance(0.03) ? ('en' as const) : ('pl' as const));

  if (r.chance(0.6)) {
    const name = companyName(r, city, st.replace(/^(ul\.|al\.|os\.) /, ''));
    const domain = `${slug(name)}.pl`;
    const email = `${r.pick(['biuro', 'kontakt', 'serwis', 'sekretariat', 'info'])}@${domain}`;
    for (let i = 0; i < contactCount; i++) {
      const p = person(r);
      contacts.push({ id: uuidFor(seed, index, i + 1), name: `${p.first} ${p.last}`, role: r.pick(ROLES), email: `${emailLocal(p.first, p.last)}@${domain}`, phone: mobile(r), language: language() });
    }
    const c = {
      id,
      kind: 'company' as const,
      name,
      nip: randomNip(r),
      regon: r.chance(0.5) ? randomRegon9(r) : null,
      pesel: null,
      email,
      phone: r.chance(0.6) ? landline(r, area) : mobile(r),
      street: st,
      postalCode,
      city,
      notes,
      archivedAt,
      createdAt,
      contacts,
    };
    return { ...c, searchText: customerSearchText(c), sortKey: customerSortKey(c.name) };
  }

  const p = person(r);
  const name = `${p.first} ${p.last}`;
  const email = r.chance(0.7) ? `${emailLocal(p.first, p.last)}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(MAIL_DOMAINS)}` : '';
  const phone = mobile(r);
  contacts.push({ id: uuidFor(seed, index, 1), name, role: '', email, phone, language: language() });
  if (contactCount === 2) {
    const q = person(r);
    const role = r.pick(q.female ? ['żona', 'córka', 'siostra', 'matka'] : ['mąż', 'syn', 'brat', 'ojciec']);
    contacts.push({ id: uuidFor(seed, index, 2), name: `${q.first} ${q.female ? feminine(p.surname) : p.surname}`, role, email: '', phone: mobile(r), language: 'pl' });
  }
  const c = {
    id,
    kind: 'individual' as const,
    name,
    nip: null,
    regon: null,
    pesel: r.chance(0.3) ? randomPesel(r, p.female) : null,
    email,
    phone,
    street: st,
    postalCode,
    city,
    notes,
    archivedAt,
    createdAt,
    contacts,
  };
  return { ...c, searchText: customerSearchText(c), sortKey: customerSortKey(c.name) };
}

/** The business fields of a generated customer as the API would accept them. */
export function toCustomerInput(c: GeneratedCustomer): CustomerInput {
  return {
    kind: c.kind,
    name: c.name,
    nip: c.nip,
    regon: c.regon,
    pesel: c.pesel,
    email: c.email,
    phone: c.phone,
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    country: 'PL',
    notes: c.notes,
  };
}

/** A request body for POST /api/v1/customers with a name no other request uses. */
export function createCustomerBody(seed: number, n: number): CustomerInput {
  const c = toCustomerInput(generateCustomer(seed ^ 0x5eed, n));
  return { ...c, name: `${c.name} – oddział ${n + 1}`, nip: c.nip ? `${c.nip.slice(0, 3)}-${c.nip.slice(3, 6)}-${c.nip.slice(6, 8)}-${c.nip.slice(8)}` : null };
}

// ---------------------------------------------------------------------------------------------
// Bulk load: COPY in text format, on PostgreSQL from STDIN (pg-copy-streams), on PGlite from a blob.

const CUSTOMER_COLUMNS = ['id', 'kind', 'name', 'nip', 'regon', 'pesel', 'email', 'phone', 'street', 'postal_code', 'city', 'country', 'notes', 'archived_at', 'created_at', 'updated_at', 'search_text', 'sort_key'];
const CONTACT_COLUMNS = ['id', 'customer_id', 'name', 'role', 'email', 'phone', 'language', 'portal_access', 'notes', 'archived_at', 'created_at', 'updated_at'];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const field = (v: string | null) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!));
export const line = (values: (string | null)[]) => values.map(field).join('\t') + '\n';

function customerLine(c: GeneratedCustomer): string {
  const created = c.createdAt.toISOString();
  return line([c.id, c.kind, c.name, c.nip, c.regon, c.pesel, c.email, c.phone, c.street, c.postalCode, c.city, 'PL', c.notes, c.archivedAt?.toISOString() ?? null, created, created, c.searchText, c.sortKey]);
}
function contactLines(c: GeneratedCustomer): string {
  const created = c.createdAt.toISOString();
  return c.contacts.map((k) => line([k.id, c.id, k.name, k.role, k.email, k.phone, k.language, 'f', '', null, created, created])).join('');
}

export async function copyText(database: Database, table: string, columns: string[], text: string): Promise<void> {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM`;
  if (database.pglite) {
    await database.pglite.query(`${sql} '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(Readable.from([text]), client.query(copyFrom(`${sql} STDIN`)));
  } finally {
    client.release();
  }
}

export type GrowStats = { customers: number; contacts: number; generateMs: number; loadMs: number; totalMs: number };

/**
 * Adds customers number [from, to) of data set `seed`, in batches, each batch one COPY of customers
 * and one of their contacts. Every 97th row is also checked with the module's validation rules.
 */
export async function growDataset(
  database: Database,
  seed: number,
  from: number,
  to: number,
  opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<GrowStats> {
  const batch = opts.batch ?? 10_000;
  const stats: GrowStats = { customers: 0, contacts: 0, generateMs: 0, loadMs: 0, totalMs: 0 };
  const t0 = performance.now();
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    const g0 = performance.now();
    let customersText = '';
    let contactsText = '';
    for (let i = start; i < end; i++) {
      const c = generateCustomer(seed, i);
      if (i % 97 === 0) {
        const problems = validateCustomer(toCustomerInput(c));
        if (problems.length) throw new Error(`Generated customer ${i} is invalid: ${JSON.stringify(problems)}`);
      }
      customersText += customerLine(c);
      contactsText += contactLines(c);
      stats.contacts += c.contacts.length;
    }
    const l0 = performance.now();
    stats.generateMs += l0 - g0;
    await copyText(database, 'customers', CUSTOMER_COLUMNS, customersText);
    await copyText(database, 'customer_contacts', CONTACT_COLUMNS, contactsText);
    stats.loadMs += performance.now() - l0;
    stats.customers += end - start;
    opts.onProgress?.(end - from, to - from);
  }
  stats.totalMs = performance.now() - t0;
  return stats;
}
