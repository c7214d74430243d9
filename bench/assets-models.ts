// What the assets bench's customers own: six asset types with their custom fields (created through
// the real use case), and per type the makes and models, serial-number formats, positions at the
// site and custom values as people type them ("3,5", "tak", "DWUFUNKCYJNY"; the module normalizes).
import type { AssetTypeInput } from '../server/modules/assets/assets.schemas.ts';
import type { Rng } from './dataset.ts';

export type TypeKey = 'laptop' | 'printer' | 'boiler' | 'aircon' | 'van' | 'licence';

type Field = AssetTypeInput['fields'][number];
const choice = (label: string, options: string[], required = false): Field => ({ label, kind: 'choice', options, unit: '', required });
const num = (label: string, unit: string, required = false): Field => ({ label, kind: 'number', unit, options: [], required });
const txt = (label: string, required = false): Field => ({ label, kind: 'text', unit: '', options: [], required });
const yesNo = (label: string): Field => ({ label, kind: 'boolean', unit: '', options: [], required: false });
const date = (label: string): Field => ({ label, kind: 'date', unit: '', options: [], required: false });

/** The asset types, in the order of TypeKey, as the createAssetType use case takes them. */
export const ASSET_TYPES: Record<TypeKey, AssetTypeInput> = {
  laptop: {
    name: 'Laptop',
    meterUnit: null,
    fields: [
      choice('Procesor', ['Intel Core i5', 'Intel Core i7', 'Intel Core Ultra 7', 'AMD Ryzen 5', 'AMD Ryzen 7', 'Apple M2', 'Apple M3']),
      num('Pamięć RAM', 'GB'),
      choice('System operacyjny', ['Windows 11 Pro', 'Windows 10 Pro', 'macOS', 'Ubuntu 22.04 LTS']),
      yesNo('Szyfrowanie dysku'),
    ],
  },
  printer: {
    name: 'Drukarka',
    meterUnit: 'str.',
    fields: [choice('Technologia druku', ['laserowa', 'atramentowa', 'termiczna'], true), yesNo('Druk w kolorze'), txt('Adres IP')],
  },
  boiler: {
    name: 'Kocioł gazowy',
    meterUnit: null,
    fields: [num('Moc grzewcza', 'kW', true), choice('Rodzaj gazu', ['gaz ziemny E', 'gaz płynny LPG']), choice('Funkcja', ['jednofunkcyjny', 'dwufunkcyjny'])],
  },
  aircon: {
    name: 'Klimatyzator',
    meterUnit: null,
    fields: [num('Moc chłodnicza', 'kW', true), choice('Czynnik chłodniczy', ['R32', 'R410A', 'R290']), choice('Typ jednostki', ['ścienny', 'kasetonowy', 'kanałowy', 'przypodłogowy']), yesNo('Funkcja grzania')],
  },
  van: {
    name: 'Samochód dostawczy',
    meterUnit: 'km',
    fields: [txt('Numer rejestracyjny', true), choice('Rodzaj paliwa', ['diesel', 'benzyna', 'elektryczny', 'LPG']), num('Ładowność', 'kg'), date('Przegląd ważny do')],
  },
  licence: {
    name: 'Licencja oprogramowania',
    meterUnit: null,
    fields: [num('Liczba stanowisk', 'szt.', true), choice('Rodzaj licencji', ['wieczysta', 'subskrypcja roczna', 'subskrypcja miesięczna']), date('Ważna do')],
  },
};
export const TYPE_KEYS = Object.keys(ASSET_TYPES) as TypeKey[];

// ---------------------------------------------------------------------------------------------
// Helpers

const SERIAL_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'; // no I, O, Q: as on most type plates
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const chars = (r: Rng, n: number, alphabet = SERIAL_CHARS) => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r.next() * alphabet.length)];
  return s;
};
export function pickWeighted<T extends { w: number }>(r: Rng, list: readonly T[]): T {
  let total = 0;
  for (const x of list) total += x.w;
  let at = r.next() * total;
  for (const x of list) if ((at -= x.w) < 0) return x;
  return list[list.length - 1]!;
}
const w = <T>(pairs: [T, number][]) => pairs.map(([v, weight]) => ({ v, w: weight }));
const pickW = <T>(r: Rng, list: { v: T; w: number }[]) => pickWeighted(r, list).v;
/** A number as a person types it: sometimes a string with a decimal comma. */
const typed = (r: Rng, n: number): string | number => (r.chance(0.5) ? n : String(n).replace('.', ','));
const typedChoice = (r: Rng, s: string) => (r.chance(0.1) ? s.toUpperCase() : r.chance(0.1) ? s.toLowerCase() : s);
const typedBool = (r: Rng, b: boolean) => (r.chance(0.7) ? b : b ? 'tak' : 'nie');
const isoDay = (r: Rng, fromYear: number, toYear: number) =>
  new Date(Date.UTC(fromYear, 0, 1) + Math.floor(r.next() * (toYear - fromYear + 1) * 365 * 86_400_000)).toISOString().slice(0, 10);

type Model = { brand: string; model: string; w: number; serial: (r: Rng) => string };
const m = (brand: string, model: string, weight: number, serial: (r: Rng) => string, extra: Record<string, unknown> = {}) => ({ brand, model, w: weight, serial, ...extra });

export type MadeAsset = {
  name: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  position: string;
  /** Custom values by field label, as typed (normalized later by the module's rules). */
  custom: Record<string, string | number | boolean | null>;
  meterValue: number | null;
};

const OFFICE = w([
  ['', 20], ['recepcja', 4], ['sekretariat', 4], ['księgowość', 5], ['dział kadr', 3], ['sala konferencyjna', 3], ['serwerownia', 2], ['magazyn', 3],
  ['biuro, I piętro', 4], ['biuro, II piętro', 4], ['pracownia komputerowa', 2], ['gabinet dyrektora', 2], ['pokój nauczycielski', 1], ['pokój', 20],
]);
const officePosition = (r: Rng) => {
  const p = pickW(r, OFFICE);
  return p === 'pokój' ? `pokój ${r.int(1, 240)}` : p;
};
const HEATING = w([['kotłownia', 30], ['łazienka', 20], ['kuchnia', 20], ['piwnica', 10], ['poddasze', 5], ['garaż', 5], ['pomieszczenie gospodarcze', 10]]);
const COOLING = w([['salon', 20], ['sypialnia', 20], ['biuro', 20], ['sala sprzedaży', 8], ['serwerownia', 6], ['pokój dziecięcy', 6], ['gabinet', 10], ['sala konferencyjna', 10]]);
const PLATES = ['WA', 'WB', 'WD', 'WE', 'WF', 'WI', 'WJ', 'WK', 'WN', 'WT', 'WU', 'WW', 'WX', 'WY', 'WZ', 'KR', 'KK', 'KN', 'EL', 'DW', 'PO', 'PZ', 'GD', 'GA', 'ZS', 'CB', 'CT', 'LU', 'BI', 'SK', 'SG', 'TK', 'RZ', 'OP', 'NO', 'FZ', 'EZ'];
export const plate = (r: Rng) => `${r.pick(PLATES)} ${r.chance(0.5) ? r.digits(3) + chars(r, 2, LETTERS) : r.digits(4) + chars(r, 1, LETTERS)}`;
const vin = (prefix: string) => (r: Rng) => prefix + chars(r, 11 - prefix.length, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789') + r.digits(6);
const msKey = (r: Rng) => Array.from({ length: 5 }, () => chars(r, 5, 'BCDFGHJKMPQRTVWXY2346789')).join('-');

// ---------------------------------------------------------------------------------------------
// Makes and models per type

const LAPTOPS = [
  m('Dell', 'Latitude 5540', 10, (r) => chars(r, 7)),
  m('Dell', 'Latitude 7440', 6, (r) => chars(r, 7)),
  m('Dell', 'Vostro 3520', 4, (r) => chars(r, 7)),
  m('Lenovo', 'ThinkPad T14 Gen 4', 9, (r) => 'PF' + chars(r, 6)),
  m('Lenovo', 'ThinkPad E15 Gen 2', 6, (r) => 'PF' + chars(r, 6)),
  m('Lenovo', 'ThinkBook 15 G4', 4, (r) => 'MP' + chars(r, 6)),
  m('HP', 'EliteBook 840 G10', 8, (r) => '5CG' + r.digits(4) + chars(r, 3)),
  m('HP', 'ProBook 450 G9', 7, (r) => '5CD' + r.digits(4) + chars(r, 3)),
  m('Apple', 'MacBook Air 13 M2', 4, (r) => chars(r, 10), { apple: true }),
  m('Apple', 'MacBook Pro 14 M3', 2, (r) => chars(r, 10), { apple: true }),
  m('Asus', 'ExpertBook B5', 2, (r) => `N${r.digits(1)}NRCX${r.digits(6)}`),
  m('Fujitsu', 'Lifebook U7411', 0.3, (r) => 'DSA' + chars(r, 1) + r.digits(6)),
  m('Microsoft', 'Surface Laptop 5', 0.4, (r) => r.digits(12)),
];
const PRINTERS = [
  m('HP', 'LaserJet Pro M404dn', 10, (r) => 'PHB' + chars(r, 7), { tech: 'laserowa', color: false }),
  m('HP', 'Color LaserJet Pro M479fdw', 4, (r) => 'VNB' + chars(r, 7), { tech: 'laserowa', color: true }),
  m('Brother', 'HL-L2350DW', 8, (r) => `E7${r.digits(2)}${chars(r, 5)}N${r.digits(6)}`, { tech: 'laserowa', color: false }),
  m('Brother', 'MFC-L2710DW', 6, (r) => `E7${r.digits(2)}${chars(r, 5)}N${r.digits(6)}`, { tech: 'laserowa', color: false }),
  m('Canon', 'i-SENSYS MF443dw', 6, (r) => 'XHF' + r.digits(5), { tech: 'laserowa', color: false }),
  m('Kyocera', 'ECOSYS M2540dn', 5, (r) => 'VCF' + chars(r, 7), { tech: 'laserowa', color: false }),
  m('Epson', 'EcoTank L3250', 5, (r) => 'X8JR' + chars(r, 6), { tech: 'atramentowa', color: true }),
  m('Xerox', 'VersaLink C405', 2, (r) => r.digits(10), { tech: 'laserowa', color: true }),
  m('Zebra', 'ZD421', 2, (r) => 'D4J' + r.digits(9), { tech: 'termiczna', color: false }),
  m('OKI', 'C332dn', 0.3, (r) => 'AK' + r.digits(8), { tech: 'laserowa', color: true }),
];
const BOILERS = [
  m('Vaillant', 'ecoTEC plus', 12, (r) => `21${r.int(15, 25)}${String(r.int(1, 52)).padStart(2, '0')}${r.digits(4)}0010${r.digits(6)}N${r.int(1, 9)}`, { kw: [20, 25, 30, 35] }),
  m('Vaillant', 'ecoTEC pro', 6, (r) => `21${r.int(15, 25)}${String(r.int(1, 52)).padStart(2, '0')}${r.digits(4)}0010${r.digits(6)}N${r.int(1, 9)}`, { kw: [24, 28] }),
  m('Viessmann', 'Vitodens 100-W', 10, (r) => '7' + r.digits(15), { kw: [19, 25, 32, 35] }),
  m('Viessmann', 'Vitodens 200-W', 5, (r) => '7' + r.digits(15), { kw: [25, 32, 49] }),
  m('Junkers', 'Cerapur Smart', 5, (r) => `FD ${r.int(800, 999)} ${r.digits(6)}`, { kw: [14, 25] }),
  m('Bosch', 'Condens 2300i W', 6, (r) => `FD ${r.int(800, 999)} ${r.digits(6)}`, { kw: [24, 28] }),
  m('Termet', 'Ecocondens Silver', 6, (r) => `TE/${r.int(2015, 2025)}/${r.digits(6)}`, { kw: [25, 35] }),
  m('Buderus', 'Logamax plus GB172i', 3, (r) => `${r.digits(4)}-${r.digits(3)}-${r.digits(6)}`, { kw: [14, 20, 24, 30] }),
  m('De Dietrich', 'Naneo', 1.5, (r) => r.digits(13), { kw: [24, 28] }),
  m('Immergas', 'Victrix Tera', 1.5, (r) => chars(r, 2, LETTERS) + r.digits(8), { kw: [24, 28] }),
  m('Saunier Duval', 'ThemaPlus Condens', 0.3, (r) => `SD${r.digits(10)}`, { kw: [25] }),
];
const AIRCONS = [
  m('Daikin', 'Perfera', 8, (r) => 'E' + r.digits(6), { kw: [2.0, 2.5, 3.5, 5.0] }),
  m('Daikin', 'Sensira', 5, (r) => 'E' + r.digits(6), { kw: [2.5, 3.5, 5.0] }),
  m('Mitsubishi Electric', 'MSZ-LN', 5, (r) => r.digits(7) + 'T', { kw: [2.5, 3.5, 5.0] }),
  m('Mitsubishi Electric', 'MSZ-AP', 5, (r) => r.digits(7) + 'T', { kw: [2.5, 3.5, 4.2, 5.0] }),
  m('LG', 'Artcool Gallery', 4, (r) => `${r.digits(3)}KA${chars(r, 5)}`, { kw: [2.5, 3.5] }),
  m('Samsung', 'Wind-Free Comfort', 5, (r) => `0${chars(r, 7)}${r.digits(6)}${chars(r, 1)}`, { kw: [2.5, 3.5, 5.0] }),
  m('Fujitsu', 'ASYG KMCC', 3, (r) => `T${r.digits(6)}`, { kw: [2.5, 3.4] }),
  m('Gree', 'Pular', 3, (r) => `4${r.digits(12)}`, { kw: [2.7, 3.5, 5.3] }),
  m('Rotenso', 'Imoto', 3, (r) => `RO${r.digits(9)}`, { kw: [2.6, 3.5, 5.3] }),
  m('Haier', 'Flexis Plus', 2, (r) => `AA${chars(r, 3)}${r.digits(8)}`, { kw: [2.6, 3.5] }),
  m('Toshiba', 'Haori', 0.3, (r) => r.digits(8), { kw: [2.5, 3.5] }),
];
const VANS = [
  m('Ford', 'Transit Custom 2.0 EcoBlue', 8, vin('WF0Y')),
  m('Ford', 'Transit L3H2', 4, vin('WF0X')),
  m('Renault', 'Master L3H2 2.3 dCi', 6, vin('VF1MA')),
  m('Renault', 'Trafic 2.0 Blue dCi', 4, vin('VF1FL')),
  m('Fiat', 'Ducato L3H2 2.2 MultiJet', 7, vin('ZFA25')),
  m('Volkswagen', 'Crafter 2.0 TDI', 5, vin('WV1ZZZSY')),
  m('Volkswagen', 'Transporter T6.1', 5, vin('WV1ZZZ7H')),
  m('Mercedes-Benz', 'Sprinter 315 CDI', 6, vin('W1V9')),
  m('Iveco', 'Daily 35S16', 3, vin('ZCFC35')),
  m('Peugeot', 'Boxer L3H2', 3, vin('VF3YD')),
  m('Citroën', 'Jumper L3H2', 2, vin('VF7YD')),
  m('Opel', 'Movano', 2, vin('W0VMR')),
  m('Toyota', 'Proace', 2, vin('YARVF')),
  m('MAN', 'TGE 3.180', 0.3, vin('WMAT')),
];
const LICENCES = [
  m('Microsoft', '365 Business Standard', 10, msKey, { seats: [1, 5, 10, 25, 50] }),
  m('Microsoft', '365 Business Premium', 4, msKey, { seats: [5, 10, 25] }),
  m('Microsoft', 'Windows 11 Pro', 6, msKey, { seats: [1] }),
  m('Comarch', 'ERP Optima', 6, (r) => `OPT-${r.digits(4)}-${r.digits(6)}`, { seats: [1, 2, 3, 5] }),
  m('Symfonia', 'Finanse i Księgowość', 3, (r) => `SYM/${r.digits(6)}/${r.int(2018, 2026)}`, { seats: [1, 2, 3] }),
  m('Symfonia', 'Kadry i Płace', 2, (r) => `SYM/${r.digits(6)}/${r.int(2018, 2026)}`, { seats: [1, 2] }),
  m('InsERT', 'Subiekt GT', 5, (r) => `SGT${r.digits(10)}`, { seats: [1, 2, 3, 5] }),
  m('Autodesk', 'AutoCAD LT', 3, (r) => `${r.int(300, 999)}-${r.digits(8)}`, { seats: [1, 3, 5] }),
  m('Adobe', 'Acrobat Pro', 4, (r) => Array.from({ length: 6 }, () => r.digits(4)).join('-'), { seats: [1, 5, 10] }),
  m('ESET', 'Endpoint Security', 5, (r) => `EAV-${r.digits(10)}`, { seats: [5, 10, 25, 50, 100] }),
  m('Soneta', 'enova365', 0.3, (r) => `ENV${r.digits(9)}`, { seats: [3, 5] }),
];

type Spec = Model & Record<string, any>;

export const MAKERS: Record<TypeKey, (r: Rng) => MadeAsset> = {
  laptop(r) {
    const x: Spec = pickWeighted(r, LAPTOPS);
    const cpu = x.apple ? r.pick(['Apple M2', 'Apple M3']) : pickW(r, w([['Intel Core i5', 35], ['Intel Core i7', 30], ['Intel Core Ultra 7', 8], ['AMD Ryzen 5', 17], ['AMD Ryzen 7', 10]]));
    const os = x.apple ? 'macOS' : pickW(r, w([['Windows 11 Pro', 70], ['Windows 10 Pro', 22], ['Ubuntu 22.04 LTS', 8]]));
    const ram = pickW(r, w([[8, 20], [16, 50], [32, 25], [64, 5]]));
    return {
      name: `Laptop ${x.brand} ${x.model}`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: officePosition(r),
      custom: { Procesor: typedChoice(r, cpu), 'Pamięć RAM': typed(r, ram), 'System operacyjny': os, 'Szyfrowanie dysku': r.chance(0.15) ? null : typedBool(r, r.chance(0.6)) },
      meterValue: null,
    };
  },
  printer(r) {
    const x: Spec = pickWeighted(r, PRINTERS);
    return {
      name: `Drukarka ${x.brand} ${x.model}`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: officePosition(r),
      custom: { 'Technologia druku': typedChoice(r, x.tech), 'Druk w kolorze': typedBool(r, x.color), 'Adres IP': r.chance(0.5) ? `192.168.${r.int(0, 10)}.${r.int(2, 254)}` : '' },
      meterValue: r.int(1_000, 400_000),
    };
  },
  boiler(r) {
    const x: Spec = pickWeighted(r, BOILERS);
    const kw: number = r.pick(x.kw);
    return {
      name: `Kocioł ${x.brand} ${x.model} ${kw} kW`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: pickW(r, HEATING),
      custom: { 'Moc grzewcza': typed(r, kw), 'Rodzaj gazu': r.chance(0.92) ? 'gaz ziemny E' : 'gaz płynny LPG', Funkcja: typedChoice(r, r.chance(0.6) ? 'dwufunkcyjny' : 'jednofunkcyjny') },
      meterValue: null,
    };
  },
  aircon(r) {
    const x: Spec = pickWeighted(r, AIRCONS);
    const kw: number = r.pick(x.kw);
    const kwText = kw.toFixed(1).replace('.', ',');
    return {
      name: `Klimatyzator ${x.brand} ${x.model} ${kwText} kW`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: pickW(r, COOLING),
      custom: {
        'Moc chłodnicza': r.chance(0.5) ? kw : kwText,
        'Czynnik chłodniczy': pickW(r, w([['R32', 85], ['R410A', 12], ['R290', 3]])),
        'Typ jednostki': typedChoice(r, pickW(r, w([['ścienny', 80], ['kasetonowy', 10], ['kanałowy', 5], ['przypodłogowy', 5]]))),
        'Funkcja grzania': typedBool(r, r.chance(0.7)),
      },
      meterValue: null,
    };
  },
  van(r) {
    const x: Spec = pickWeighted(r, VANS);
    const fuel = pickW(r, w([['diesel', 85], ['benzyna', 5], ['elektryczny', 6], ['LPG', 4]]));
    return {
      name: `${x.brand} ${x.model}${fuel === 'elektryczny' ? ' (elektryczny)' : ''}`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: r.chance(0.15) ? 'parking firmowy' : '',
      custom: { 'Numer rejestracyjny': plate(r), 'Rodzaj paliwa': typedChoice(r, fuel), Ładowność: typed(r, r.int(16, 30) * 50), 'Przegląd ważny do': r.chance(0.8) ? isoDay(r, 2025, 2027) : null },
      meterValue: r.int(3_000, 380_000),
    };
  },
  licence(r) {
    const x: Spec = pickWeighted(r, LICENCES);
    const kind = pickW(r, w([['wieczysta', 35], ['subskrypcja roczna', 55], ['subskrypcja miesięczna', 10]]));
    return {
      name: `Licencja ${x.brand} ${x.model}`, manufacturer: x.brand, model: x.model, serialNumber: x.serial(r), position: '',
      custom: { 'Liczba stanowisk': typed(r, r.pick(x.seats as number[])), 'Rodzaj licencji': kind, 'Ważna do': kind === 'wieczysta' ? null : isoDay(r, 2026, 2028) },
      meterValue: null,
    };
  },
};

/** What a customer's assets are mostly of: a large customer has a profile, everybody else the general mix. */
export const PROFILES: Record<'general' | 'individual' | 'it' | 'housing' | 'fleet' | 'hvac', { v: TypeKey; w: number }[]> = {
  general: w<TypeKey>([['laptop', 28], ['printer', 18], ['boiler', 20], ['aircon', 16], ['van', 8], ['licence', 10]]),
  individual: w<TypeKey>([['boiler', 50], ['aircon', 30], ['laptop', 15], ['printer', 5]]),
  it: w<TypeKey>([['laptop', 55], ['printer', 20], ['licence', 25]]),
  housing: w<TypeKey>([['boiler', 75], ['aircon', 25]]),
  fleet: w<TypeKey>([['van', 70], ['laptop', 20], ['licence', 10]]),
  hvac: w<TypeKey>([['aircon', 60], ['boiler', 40]]),
};
