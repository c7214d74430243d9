// The seam to KSeF (Krajowy System e-Faktur). Sending through KSeF's API (session, encryption, UPO)
// comes later; the invoice model already keeps what it needs: the FA(3) XML produced at issue (what
// is sent), the submission reference, the state and the KSeF number. Until a gateway is configured,
// accountants who upload the XML themselves (e.g. in KSeF's own web app) record the result by hand,
// through the same `ksefResultChanges` that a sending job will use.
import { createHash } from 'node:crypto';

export type KsefSubmission = { invoiceId: string; sellerNip: string; xml: string };
export type KsefResult =
  | { state: 'pending'; reference: string | null }
  | { state: 'accepted'; reference: string | null; ksefNumber: string }
  | { state: 'rejected'; reference: string | null; error: string };

export interface KsefGateway {
  /** Sends one invoice's FA(3) XML in an online session; returns KSeF's reference of the submission. */
  send(submission: KsefSubmission): Promise<{ reference: string }>;
  /** The state of a submission: processing, accepted with its KSeF number, or rejected with the reason. */
  status(reference: string): Promise<KsefResult>;
}

/** The invoice columns a KSeF result sets. */
export function ksefResultChanges(r: KsefResult, now: Date) {
  return {
    ksefStatus: r.state,
    ksefReference: r.reference,
    ksefNumber: r.state === 'accepted' ? r.ksefNumber : null,
    ksefError: r.state === 'rejected' ? r.error : null,
    ksefUpdatedAt: now,
  };
}

/** KSeF numbers look like 5260250274-20261127-0100A0B1C2D3-E4: the seller's NIP, the date, a hex id, a check. */
export const KSEF_NUMBER = /^\d{10}-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/;

/** Production address of the verification pages ("KOD I"); the test environment uses qr-test.ksef.mf.gov.pl. */
export const KSEF_QR_BASE = 'https://qr.ksef.mf.gov.pl';

/**
 * The verification link printed as a QR code ("KOD I") on an invoice known to KSeF:
 * {base}/invoice/{seller NIP}/{issue date DD-MM-YYYY}/{SHA-256 of the invoice XML, Base64URL without padding}.
 */
export function ksefVerificationUrl(base: string, sellerNip: string, issueDate: string, xml: string): string {
  const hash = createHash('sha256').update(xml, 'utf8').digest('base64url');
  const [y, m, d] = issueDate.split('-');
  return `${base}/invoice/${sellerNip}/${d}-${m}-${y}/${hash}`;
}
