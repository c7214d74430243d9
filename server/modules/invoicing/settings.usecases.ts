// The seller's invoicing settings. The seller's identity (name, NIP, address) lives in the company
// profile; here: numbering series per document kind, payment terms, bank accounts, language, texts.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, type FieldError } from '../../kernel/errors/app-error.ts';
import { patternProblem } from '../../kernel/numbering/numbering.rules.ts';
import { isValidPolishBankAccount, normalizeBankAccount } from '../../kernel/pl/identifiers.ts';
import { companyDetailsComplete } from '../company/company.rules.ts';
import { findCompany } from '../company/company.usecases.ts';
import { invoicesRepository as repo, type SettingsRow } from './invoicing.repository.ts';
import { invoiceSettingsInput, type InvoiceSettingsDto, type InvoiceSettingsInput } from './invoicing.schemas.ts';

/** The settings row, or the defaults until someone saves them. */
export async function settingsOrDefaults(db: Db): Promise<Omit<SettingsRow, 'id' | 'updatedAt'> & { updatedAt: Date | null }> {
  const row = await repo.settings(db);
  if (row) return row;
  return { ...invoiceSettingsInput.parse({}), updatedAt: null };
}

const toDto = async (db: Db): Promise<InvoiceSettingsDto> => {
  const s = await settingsOrDefaults(db);
  const company = await findCompany(db);
  return {
    placeOfIssue: s.placeOfIssue,
    paymentDays: s.paymentDays,
    paymentMethod: s.paymentMethod as InvoiceSettingsDto['paymentMethod'],
    bankAccounts: s.bankAccounts,
    language: s.language === 'en' ? 'en' : 'pl',
    vatPattern: s.vatPattern,
    vatReset: s.vatReset as InvoiceSettingsDto['vatReset'],
    correctionPattern: s.correctionPattern,
    correctionReset: s.correctionReset as InvoiceSettingsDto['correctionReset'],
    exemptionBasis: s.exemptionBasis,
    notes: s.notes,
    sellerReady: companyDetailsComplete(company as never),
    updatedAt: (s.updatedAt ?? new Date(0)).toISOString(),
  };
};

export async function getInvoiceSettings(deps: Deps, ctx: Ctx): Promise<InvoiceSettingsDto> {
  authorize(ctx.actor, 'invoices:read');
  return toDto(deps.database.db);
}

function settingsProblems(s: InvoiceSettingsInput): FieldError[] {
  const out: FieldError[] = [];
  for (const [path, pattern, reset] of [
    ['vatPattern', s.vatPattern, s.vatReset],
    ['correctionPattern', s.correctionPattern, s.correctionReset],
  ] as const) {
    const p = patternProblem(pattern, reset);
    if (p) out.push(fieldError(path, p, `The pattern cannot number documents reset ${reset}`, { value: pattern }));
  }
  if (s.vatPattern.replace(/\{[^}]*\}/g, '') === s.correctionPattern.replace(/\{[^}]*\}/g, ''))
    out.push(fieldError('correctionPattern', 'invoices.patterns_collide', 'Correcting invoices need a prefix of their own, or their numbers would repeat those of VAT invoices', { value: s.correctionPattern }));
  s.bankAccounts.forEach((b, i) => {
    if (!isValidPolishBankAccount(normalizeBankAccount(b.account))) out.push(fieldError(`bankAccounts.${i}.account`, 'company.bank_account_invalid', 'A Polish account number has 26 digits with a valid checksum', { value: b.account }));
  });
  return out;
}

export async function updateInvoiceSettings(deps: Deps, ctx: Ctx, input: InvoiceSettingsInput): Promise<InvoiceSettingsDto> {
  authorize(ctx.actor, 'invoices:configure');
  const problems = settingsProblems(input);
  if (problems.length) throw invalidFields(problems);
  const values = { ...input, bankAccounts: input.bankAccounts.map((b) => ({ account: normalizeBankAccount(b.account), label: b.label })), updatedAt: deps.clock.now() };
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.settingsForUpdate(tx);
    const after = await repo.upsertSettings(tx, values);
    const view = ({ updatedAt: _u, id: _i, ...rest }: SettingsRow) => rest;
    await appendAudit(tx, ctx, { entity: 'invoice_settings', entityId: '1', action: before ? 'updated' : 'created', before: before ? view(before) : null, after: view(after) });
    return toDto(tx);
  });
}
