// The frozen content of an invoice: what the law requires it to say. Built once when the invoice is
// issued (from the draft, the seller settings and the buyer) and stored whole, so the PDF and the
// KSeF FA(3) XML always render the same facts however the company, customer or catalogue change later.
// Drafts render a preview from a document built the same way, with number null.

export type DocumentKind = 'vat' | 'correction';
export type PaymentMethod = 'transfer' | 'cash' | 'card' | 'other';
export type Lang = 'pl' | 'en';

export type DocumentParty = {
  name: string;
  /** 10 digits without separators; null for an individual buyer without a tax id. */
  nip: string | null;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2, e.g. 'PL'. */
  country: string;
  email: string;
  phone: string;
};

export type DocumentLine = {
  position: number; // 1-based
  name: string;
  unit: string; // 'szt.', 'h', 'usł.'
  /** Exact decimal with 3 places, as text: '1.500'. */
  quantity: string;
  /** Net unit price before discount, grosze. */
  unitPriceMinor: number;
  /** Discount in basis points (1000 = 10%); 0 for none. */
  discountBp: number;
  /** The discount in money: (quantity × unit price) − net. */
  discountMinor: number;
  /** Net value of the line after discount, grosze, rounded per line. */
  netMinor: number;
  vatRateCode: string; // '23', '8', '5', '0', 'zw', 'np', 'oo'
  /** The FA(3) P_12 value of the rate: '23', '8', '5', '0 KR', 'zw', 'np I', 'oo'. */
  ksefRateCode: string;
  /** Basis points (2300 = 23%); null where no VAT is charged (zw, np, oo). */
  rateBp: number | null;
  gtu: string | null; // 'GTU_01' … 'GTU_13'
  pkwiu: string | null;
  /** Goods or services of annex 15 to the VAT act (split payment); absent on documents issued before it was recorded. */
  annex15?: boolean;
};

export type DocumentRateTotal = { vatRateCode: string; ksefRateCode: string; rateBp: number | null; netMinor: number; vatMinor: number; grossMinor: number };
export type DocumentTotals = { rates: DocumentRateTotal[]; netMinor: number; vatMinor: number; grossMinor: number };

export type InvoiceDocument = {
  kind: DocumentKind;
  /** Null on a draft preview. */
  number: string | null;
  lang: Lang;
  issueDate: string; // YYYY-MM-DD, Europe/Warsaw business date
  saleDate: string; // date of delivery / completion of the service
  placeOfIssue: string;
  currency: 'PLN';
  seller: DocumentParty & { bankAccount: string };
  buyer: DocumentParty & { kind: 'company' | 'individual' };
  /** The invoice's lines; on a correcting invoice, the state after the correction. */
  lines: DocumentLine[];
  /** On a VAT invoice: the amounts of the lines. On a correcting invoice: after − before, per rate. */
  totals: DocumentTotals;
  payment: {
    method: PaymentMethod;
    dueDate: string;
    bankAccount: string; // may be '' for cash/card
    /** Amount to pay (the gross total; on a correcting invoice the difference, negative = to refund). */
    amountMinor: number;
  };
  /** Mechanizm podzielonej płatności (art. 106e ust. 1 pkt 18a). */
  splitPayment: boolean;
  /** Legal basis when a line is exempt ('zw'), e.g. 'art. 43 ust. 1 pkt 37 ustawy o VAT'; null otherwise. */
  exemptionBasis: string | null;
  notes: string;
  /** Set when the invoice was accepted by KSeF. */
  ksefNumber: string | null;
  correction: null | {
    reason: string;
    correctedNumber: string;
    correctedIssueDate: string;
    correctedKsefNumber: string | null;
    /** The corrected invoice's lines as they stood before this correction. */
    linesBefore: DocumentLine[];
    /** Totals of linesBefore and of lines (after); `totals` above is their difference. */
    totalsBefore: DocumentTotals;
    totalsAfter: DocumentTotals;
  };
};
