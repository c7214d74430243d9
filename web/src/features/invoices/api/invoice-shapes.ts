// Shapes of /api/v1/invoices, /api/v1/invoice-settings and /api/v1/bank-statements (mirror
// server/modules/invoicing/invoicing.schemas.ts).
export type PaymentMethod = 'transfer' | 'cash' | 'card' | 'other';
export type DisplayStatus = 'draft' | 'issued' | 'sent' | 'partially_paid' | 'paid' | 'overdue' | 'cancelled';
export type KsefStatus = 'not_sent' | 'pending' | 'accepted' | 'rejected';
export type LineSource = 'free' | 'service' | 'product' | 'part' | 'labour';

export type InvoiceLineInput = {
  name: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  discountBp: number;
  vatRateCode: string;
  gtu: string | null;
  pkwiu: string | null;
  annex15: boolean;
  sourceKind: LineSource;
  sourceId: string | null;
};
export type InvoiceLine = InvoiceLineInput & { position: number; discountMinor: number; netMinor: number; vatRateLabel: string };
export type RateTotal = { vatRateCode: string; vatRateLabel: string; netMinor: number; vatMinor: number; grossMinor: number };
export type Totals = { rates: RateTotal[]; netMinor: number; vatMinor: number; grossMinor: number };

export type InvoiceSummary = {
  id: string;
  kind: 'vat' | 'correction';
  status: 'draft' | 'issued' | 'cancelled';
  displayStatus: DisplayStatus;
  number: string | null;
  customerId: string;
  customerName: string;
  customerNip: string | null;
  issueDate: string;
  saleDate: string;
  dueDate: string;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  payableMinor: number;
  paidMinor: number;
  balanceMinor: number;
  paymentStatus: 'unpaid' | 'partially_paid' | 'paid';
  overdue: boolean;
  daysOverdue: number;
  correctsInvoiceId: string | null;
  serviceOrderId: string | null;
  ksefStatus: KsefStatus;
  ksefNumber: string | null;
};

export type Invoice = InvoiceSummary & {
  lang: 'pl' | 'en';
  paymentMethod: PaymentMethod;
  bankAccount: string;
  splitPayment: boolean;
  splitPaymentRequired: boolean;
  exemptionBasis: string;
  placeOfIssue: string;
  notes: string;
  serviceOrderNumber: string | null;
  correctsNumber: string | null;
  correctionReason: string;
  corrections: { id: string; number: string | null; status: 'draft' | 'issued' | 'cancelled'; grossMinor: number; issueDate: string }[];
  lines: InvoiceLine[];
  linesBefore: InvoiceLine[] | null;
  totals: Totals;
  totalsBefore: Totals | null;
  totalsAfter: Totals | null;
  issuedAt: string | null;
  sentAt: string | null;
  cancelledAt: string | null;
  ksefReference: string | null;
  ksefError: string | null;
  ksefUpdatedAt: string | null;
  updatedAt: string;
};

export type InvoiceDraftInput = {
  customerId: string;
  lang?: 'pl' | 'en';
  saleDate?: string;
  dueDate?: string;
  paymentMethod?: PaymentMethod;
  bankAccount?: string;
  splitPayment?: boolean;
  exemptionBasis?: string;
  placeOfIssue?: string;
  notes?: string;
  lines?: InvoiceLineInput[];
};
export type InvoiceDraftPatch = Partial<Omit<InvoiceDraftInput, 'lines'>> & { correctionReason?: string; lines?: InvoiceLineInput[] };

export type InvoiceFilters = { q: string; status: DisplayStatus | ''; kind: 'vat' | 'correction' | ''; customerId: string; from: string; to: string; overdue: '' | 'true' | 'false' };
/** Totals of the filtered set, with the first page only; `capped`: more than `count` invoices, no sums. */
export type ListTotals = { capped: boolean; count: number; netMinor: number | null; vatMinor: number | null; grossMinor: number | null; balanceMinor: number | null };
export type InvoicePage = { items: InvoiceSummary[]; nextCursor: string | null; totals: ListTotals | null };

export type Payment = { id: string; invoiceId: string; paidOn: string; amountMinor: number; method: PaymentMethod; reference: string; source: 'manual' | 'bank_statement'; createdByName: string | null; createdAt: string };
export type PaymentInput = { paidOn?: string; amountMinor: number; method: PaymentMethod; reference: string };
export type KsefRecordInput = { status: 'pending' | 'accepted' | 'rejected'; ksefNumber: string | null; reference: string | null; error: string | null };

export type InvoiceSettings = {
  placeOfIssue: string;
  paymentDays: number;
  paymentMethod: PaymentMethod;
  bankAccounts: { account: string; label: string }[];
  language: 'pl' | 'en';
  vatPattern: string;
  vatReset: 'monthly' | 'yearly';
  correctionPattern: string;
  correctionReset: 'monthly' | 'yearly';
  exemptionBasis: string;
  notes: string;
  sellerReady: boolean;
  updatedAt: string;
};
export type InvoiceSettingsInput = Omit<InvoiceSettings, 'sellerReady' | 'updatedAt'>;

/** How a statement line fared: only 'matched' lines can be recorded. */
export type StatementRowState = 'matched' | 'no_invoice' | 'ambiguous' | 'outgoing' | 'unreadable' | 'exceeds_balance' | 'already_recorded' | 'invoice_paid';
export type StatementRow = {
  /** The line in the file. */
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
export type StatementCommitRow = { invoiceId: string; paidOn: string; amountMinor: number; reference: string };
