// Pure rules of service orders: lifecycle phases and their transitions, custody per phase, line
// amounts and totals per VAT rate, search keys. No I/O; tested as tables.
import { divRound } from '../../kernel/money/money.ts';
import { foldText } from '../../kernel/text/normalize.ts';

export const PHASES = ['new', 'diagnosis', 'awaiting_approval', 'in_repair', 'external_service', 'ready_for_release', 'released', 'cancelled'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where an order may go from each phase. Moving between two statuses of the same phase is always
 * allowed (a company may have "Diagnoza" and "Diagnoza — czeka na części"). Released and cancelled
 * are final: a returning customer gets a new order.
 */
const NEXT: Record<Phase, readonly Phase[]> = {
  new: ['diagnosis', 'awaiting_approval', 'in_repair', 'external_service', 'ready_for_release', 'cancelled'],
  diagnosis: ['awaiting_approval', 'in_repair', 'external_service', 'ready_for_release', 'cancelled'],
  // Accepted → repair; rejected → the return flow (ready for release without repair).
  awaiting_approval: ['diagnosis', 'in_repair', 'ready_for_release', 'cancelled'],
  in_repair: ['diagnosis', 'awaiting_approval', 'external_service', 'ready_for_release'],
  external_service: ['diagnosis', 'in_repair', 'ready_for_release'],
  ready_for_release: ['in_repair', 'released'],
  released: [],
  cancelled: [],
};

export function canMove(from: Phase, to: Phase): boolean {
  return from === to ? from !== 'released' && from !== 'cancelled' : NEXT[from].includes(to);
}

export const allowedNext = (from: Phase): readonly Phase[] => NEXT[from];

/** Release happens only through the release use case (who picked it up, the receipt). */
export const needsReleaseFlow = (to: Phase) => to === 'released';

export type Custody = 'with_customer' | 'in_shop' | 'on_site_service' | 'external_service';

/**
 * Where the asset is when an order enters a phase. While the order is open the item is with the
 * shop (or being serviced on site), except while it is at an external service; released or
 * cancelled, it is back with the customer.
 */
export function custodyFor(phase: Phase, kind: 'shop' | 'on_site'): Custody {
  if (phase === 'external_service') return 'external_service';
  if (phase === 'released' || phase === 'cancelled') return 'with_customer';
  return kind === 'shop' ? 'in_shop' : 'on_site_service';
}

// ── amounts ────────────────────────────────────────────────────────────────────────────────────

export type PricedLine = { quantityThousandths: bigint; unitPriceMinor: number; vatRateCode: string; rateBp: number | null };

/** Net of one line: quantity × unit price, rounded half away from zero to the grosz, per line. */
export const lineNet = (l: Pick<PricedLine, 'quantityThousandths' | 'unitPriceMinor'>): number => Number(divRound(l.quantityThousandths * BigInt(l.unitPriceMinor), 1000n));

/** Labour as a line: billed minutes at an hourly rate. */
export const labourNet = (billedMinutes: number, hourlyMinor: number): number => Number(divRound(BigInt(billedMinutes) * BigInt(hourlyMinor), 60n));

export type RateTotal = { vatRateCode: string; netMinor: number; vatMinor: number; grossMinor: number };

/**
 * Totals per VAT rate: nets summed per rate, VAT computed once on each rate's net sum and rounded
 * (the method Polish invoices use, art. 106e ust. 1 pkt 13–14), gross = net + VAT. Exempt and
 * out-of-scope rates (zw, np, oo) carry no VAT.
 */
export function totalsByRate(lines: { netMinor: number; vatRateCode: string; rateBp: number | null }[]): { rates: RateTotal[]; netMinor: number; vatMinor: number; grossMinor: number } {
  const byRate = new Map<string, { net: number; rateBp: number | null }>();
  for (const l of lines) {
    const r = byRate.get(l.vatRateCode) ?? { net: 0, rateBp: l.rateBp };
    r.net += l.netMinor;
    byRate.set(l.vatRateCode, r);
  }
  const rates = [...byRate.entries()].map(([code, r]) => {
    const vat = r.rateBp === null ? 0 : Number(divRound(BigInt(r.net) * BigInt(r.rateBp), 10_000n));
    return { vatRateCode: code, netMinor: r.net, vatMinor: vat, grossMinor: r.net + vat };
  });
  rates.sort((a, b) => a.vatRateCode.localeCompare(b.vatRateCode));
  return {
    rates,
    netMinor: rates.reduce((s, r) => s + r.netMinor, 0),
    vatMinor: rates.reduce((s, r) => s + r.vatMinor, 0),
    grossMinor: rates.reduce((s, r) => s + r.grossMinor, 0),
  };
}

// ── search ─────────────────────────────────────────────────────────────────────────────────────

/** "SO/2026/000123" → "SO2026000123"; a typed "so 2026 123" is matched by its digits too (see search text). */
export const numberKey = (n: string) => n.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function orderSearchText(o: { number: string; customerName: string; assetName: string; serialNumber: string; reportedProblem: string }): string {
  const shortNumber = o.number.replace(/\/0+(\d)/, '/$1'); // SO/2026/000123 also as SO/2026/123
  return foldText([o.number, shortNumber, numberKey(o.number), o.customerName, o.assetName, o.serialNumber, o.reportedProblem.slice(0, 500)].join(' | '));
}

export const ORDER_PATTERN = 'SO/{YYYY}/{NNNNNN}';
