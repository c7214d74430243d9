// What the service-orders bench's orders say: the problems customers report per asset type (as the
// front desk types them), accessories and visible condition at intake, the technicians and front-desk
// staff, two company statuses beside the defaults, how an order's phase depends on its age, and the
// body of the create-order request. Pure: no I/O, no server imports beyond types.
import type { Phase } from '../server/modules/service-orders/service-orders.rules.ts';
import type { TypeKey } from './assets-models.ts';
import { pickWeighted } from './assets-models.ts';
import { rng, type Rng } from './dataset.ts';

const w = <T>(pairs: [T, number][]) => pairs.map(([v, weight]) => ({ v, w: weight }));
const pickW = <T>(r: Rng, list: { v: T; w: number }[]) => pickWeighted(r, list).v;

/** Reported problems per asset type, with weights (a yearly service is the most common boiler "problem"). */
export const PROBLEMS: Record<TypeKey, { v: string; w: number }[]> = {
  laptop: w([
    ['Nie włącza się po zalaniu', 6], ['Pęknięta matryca', 8], ['Nie ładuje baterii', 7], ['Głośno pracuje wentylator, przegrzewa się', 6],
    ['Nie działają niektóre klawisze', 5], ['Wolno działa, prośba o wymianę dysku na SSD', 5], ['Nie wykrywa sieci Wi-Fi', 3],
    ['Uszkodzone gniazdo ładowania', 4], ['Niebieski ekran przy starcie systemu', 4], ['Złamany zawias matrycy', 4], ['Nie działa touchpad', 2],
    ['Czyszczenie i wymiana pasty termoprzewodzącej', 3], ['Odzyskanie danych z dysku', 2], ['Instalacja systemu i przeniesienie danych', 2],
  ]),
  printer: w([
    ['Zacina papier', 8], ['Smugi na wydruku', 7], ['Błąd bębna – wymiana', 4], ['Nie pobiera papieru z podajnika', 5], ['Drukuje puste strony', 3],
    ['Błąd utrwalacza', 3], ['Nie łączy się z siecią', 3], ['Przegląd okresowy i czyszczenie', 4], ['Hałasuje przy druku', 2], ['Wycieka toner', 2],
  ]),
  boiler: w([
    ['Kocioł nie grzeje wody', 8], ['Przegląd roczny kotła', 14], ['Błąd F28 – brak zapłonu', 4], ['Spada ciśnienie w instalacji', 5],
    ['Kapie spod kotła', 4], ['Kocioł się wyłącza i pokazuje błąd', 4], ['Głośna praca pompy', 3], ['Nie grzeje kaloryferów', 5],
    ['Czuć zapach gazu przy kotle', 1], ['Woda raz ciepła, raz zimna', 4], ['Wymiana zaworu trójdrożnego', 2],
  ]),
  aircon: w([
    ['Nie chłodzi', 7], ['Cieknie woda z jednostki wewnętrznej', 5], ['Przegląd i czyszczenie klimatyzacji', 10], ['Błąd E5 na wyświetlaczu', 3],
    ['Nieprzyjemny zapach z klimatyzatora', 3], ['Jednostka zewnętrzna głośno pracuje', 3], ['Nie reaguje na pilota', 3], ['Uzupełnienie czynnika', 3],
    ['Nie grzeje w trybie grzania', 2],
  ]),
  van: w([
    ['Przegląd okresowy', 10], ['Wymiana klocków hamulcowych', 5], ['Świeci kontrolka silnika', 5], ['Stuki w zawieszeniu', 4], ['Wymiana oleju i filtrów', 7],
    ['Nie działa klimatyzacja', 3], ['Wymiana opon na zimowe', 4], ['Problem z rozruchem rano', 3], ['Wyciek płynu chłodniczego', 2], ['Uszkodzone lusterko boczne', 1],
  ]),
  licence: w([
    ['Przedłużenie licencji', 6], ['Przeniesienie licencji na nowy komputer', 5], ['Błąd aktywacji licencji', 4], ['Aktualizacja do nowej wersji', 5],
    ['Nie uruchamia się po aktualizacji systemu', 3], ['Dodanie stanowisk', 2], ['Odtworzenie bazy z kopii zapasowej', 2],
  ]),
};

/** A second sentence some intake notes carry. */
const DETAILS = w([
  ['', 70],
  ['Klient prosi o kontakt telefoniczny przed naprawą.', 6],
  ['Sprzęt na gwarancji – sprawdzić datę zakupu.', 5],
  ['Pilne, klient czeka.', 3],
  ['Problem pojawia się od kilku dni.', 5],
  ['Wcześniej naprawiany w innym serwisie.', 2],
  ['Koszt naprawy do 500 zł bez pytania klienta.', 4],
  ['Proszę o wycenę przed naprawą.', 5],
]);

const ACCESSORIES: Partial<Record<TypeKey, { v: string; w: number }[]>> = {
  laptop: w([['', 30], ['zasilacz', 45], ['zasilacz, torba', 15], ['zasilacz, mysz', 6], ['bez zasilacza', 4]]),
  printer: w([['', 70], ['kabel USB', 15], ['kabel zasilający, kabel USB', 10], ['toner zapasowy', 5]]),
  van: w([['', 40], ['kluczyk, dowód rejestracyjny', 50], ['dwa kluczyki, dowód rejestracyjny', 10]]),
};
const CONDITIONS: Partial<Record<TypeKey, { v: string; w: number }[]>> = {
  laptop: w([['', 60], ['rysy na obudowie', 20], ['pęknięty róg obudowy', 5], ['brak nóżek', 5], ['wytarta klawiatura', 10]]),
  printer: w([['', 80], ['porysowana pokrywa', 15], ['brak tacy odbiorczej', 5]]),
  van: w([['', 50], ['rysa na tylnym zderzaku', 20], ['wgniecenie na drzwiach przesuwnych', 15], ['pęknięta szyba czołowa', 5]]),
};

export type IntakeText = { reportedProblem: string; accessories: string; condition: string };
export function intakeText(r: Rng, type: TypeKey): IntakeText {
  const problem = pickW(r, PROBLEMS[type]);
  const detail = pickW(r, DETAILS);
  return {
    reportedProblem: detail ? `${problem}. ${detail}` : problem,
    accessories: ACCESSORIES[type] ? pickW(r, ACCESSORIES[type]) : '',
    condition: CONDITIONS[type] ? pickW(r, CONDITIONS[type]) : '',
  };
}

// ---------------------------------------------------------------------------------------------
// People: created through the identity use case createUser.

/** 18 technicians (the weight is how much of the work each one takes) and 2 front-desk people. */
export const TECHNICIANS: { name: string; w: number }[] = [
  ['Marek Zieliński', 3], ['Tomasz Wójcik', 3], ['Paweł Kamiński', 3], ['Krzysztof Lewandowski', 2.5], ['Piotr Dąbrowski', 2.5], ['Michał Szymański', 2],
  ['Łukasz Woźniak', 2], ['Grzegorz Kozłowski', 2], ['Jakub Jankowski', 1.5], ['Adam Mazur', 1.5], ['Rafał Kwiatkowski', 1.5], ['Dariusz Krawczyk', 1],
  ['Mateusz Piotrowski', 1], ['Sebastian Grabowski', 1], ['Kamil Pawłowski', 1], ['Agnieszka Michalska', 1], ['Wojciech Nowicki', 0.5], ['Robert Adamczyk', 0.3],
].map(([name, weight]) => ({ name: name as string, w: weight as number }));
export const FRONT_DESK = ['Katarzyna Wiśniewska', 'Magdalena Król'];

/** Two statuses a company typically adds beside the default one per phase (createStatus). */
export const EXTRA_STATUSES = [
  { phase: 'in_repair' as const, namePl: 'Czeka na części', nameEn: 'Waiting for parts', color: 'orange' as const, share: 0.35 },
  { phase: 'diagnosis' as const, namePl: 'Diagnoza – czeka na klienta', nameEn: 'Diagnosis – waiting for the customer', color: 'teal' as const, share: 0.2 },
];

// ---------------------------------------------------------------------------------------------
// Lifecycle: how likely an order is still open at its age, and in which phase.

/** Share of orders still open by age in days: most recent ones are, a few old ones were never collected. */
export function openChance(ageDays: number): number {
  if (ageDays < 14) return 0.9;
  if (ageDays < 45) return 0.55;
  if (ageDays < 120) return 0.2;
  return 0.03;
}
const YOUNG_OPEN = w<Phase>([['new', 25], ['diagnosis', 25], ['awaiting_approval', 12], ['in_repair', 20], ['external_service', 6], ['ready_for_release', 12]]);
const OLD_OPEN = w<Phase>([['new', 3], ['diagnosis', 7], ['awaiting_approval', 25], ['in_repair', 10], ['external_service', 20], ['ready_for_release', 35]]);
export const openPhase = (r: Rng, ageDays: number): Phase => pickW(r, ageDays < 30 ? YOUNG_OPEN : OLD_OPEN);

/**
 * The phases an order went through to reach `phase` (checked with canMove for every 97th row).
 * Released orders went through repair and "ready for release"; cancelled ones stopped early.
 */
export function lifecyclePath(r: Rng, phase: Phase): Phase[] {
  const path: Phase[] = ['new'];
  const add = (p: Phase) => path[path.length - 1] !== p && path.push(p);
  if (phase === 'new') return path;
  if (phase === 'cancelled') {
    if (r.chance(0.6)) add('diagnosis');
    if (r.chance(0.5)) add('awaiting_approval');
    add('cancelled');
    return path;
  }
  if (r.chance(0.85) || phase === 'diagnosis') add('diagnosis');
  if (phase === 'diagnosis') return path;
  const approval = r.chance(0.35) || phase === 'awaiting_approval';
  if (approval) add('awaiting_approval');
  if (phase === 'awaiting_approval') return path;
  // An estimate the customer rejected goes straight back: ready for release without repair.
  const rejected = approval && phase !== 'in_repair' && phase !== 'external_service' && r.chance(0.15);
  if (!rejected) add('in_repair');
  if (phase === 'in_repair') return path;
  if (!rejected && (r.chance(0.08) || phase === 'external_service')) add('external_service');
  if (phase === 'external_service') return path;
  add('ready_for_release');
  if (phase === 'released') add('released');
  return path;
}

export const PRIORITIES = w<'low' | 'normal' | 'high' | 'urgent'>([['normal', 80], ['high', 12], ['low', 5], ['urgent', 3]]);
export const pickPriority = (r: Rng) => pickW(r, PRIORITIES);

// ---------------------------------------------------------------------------------------------
// The create-order request (POST /api/v1/service-orders), generated in the load generator.

/** An existing asset to open an order for: [customerId, assetId, contactId, asset type, notify channel]. */
export type OrderTarget = [customerId: string, assetId: string, contactId: string | null, type: TypeKey, channel: 'email' | 'sms' | 'none'];

/** Body number `n` of the create stream: a target in rotation, a new reported problem every time. */
export function createOrderBody(seed: number, n: number, targets: OrderTarget[]) {
  const [customerId, assetId, contactId, type, channel] = targets[n % targets.length]!;
  const r = rng(seed, 0xc0de, n);
  const t = intakeText(r, type);
  return {
    customerId,
    assetId,
    kind: 'shop' as const,
    reportedProblem: `${t.reportedProblem} (zgłoszenie z recepcji nr ${n + 1})`,
    accessories: t.accessories,
    condition: t.condition,
    priority: pickPriority(r),
    contactId,
    notifyChannel: channel,
  };
}
