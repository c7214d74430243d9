// Customer use cases: authorize → load → rules → write + audit, one transaction each.
import { customerRenamed } from './customers.hooks.ts';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { customersRepository as repo, type ContactRow, type CustomerRow, type NoteRow, type SiteRow } from './customers.repository.ts';
import { customerSearchText, customerSortKey, normalizeCustomer, searchPattern, validateCustomer } from './customers.rules.ts';
import type { CustomerDto, CustomerInput, CustomerListQuery } from './customers.schemas.ts';
import { customerReferenceCount } from './customers.references.ts';
import { z } from 'zod';
import type { contactInput, siteInput } from './customers.schemas.ts';

type ContactInput = z.infer<typeof contactInput>;
type SiteInput = z.infer<typeof siteInput>;

export function toCustomerDto(r: CustomerRow): CustomerDto {
  return {
    id: r.id,
    kind: r.kind === 'individual' ? 'individual' : 'company',
    name: r.name,
    nip: r.nip,
    regon: r.regon,
    pesel: r.pesel,
    email: r.email,
    phone: r.phone,
    street: r.street,
    postalCode: r.postalCode,
    city: r.city,
    country: r.country,
    notes: r.notes,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const toContactDto = (c: ContactRow) => ({
  id: c.id,
  customerId: c.customerId,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  language: c.language === 'en' ? ('en' as const) : ('pl' as const),
  portalAccess: c.portalAccess,
  notes: c.notes,
  archived: c.archivedAt !== null,
  createdAt: c.createdAt.toISOString(),
});

export const toSiteDto = (s: SiteRow) => ({
  id: s.id,
  customerId: s.customerId,
  name: s.name,
  street: s.street,
  postalCode: s.postalCode,
  city: s.city,
  country: s.country,
  notes: s.notes,
  archived: s.archivedAt !== null,
  createdAt: s.createdAt.toISOString(),
});

const toNoteDto = (n: NoteRow) => ({ id: n.id, customerId: n.customerId, authorName: n.authorName, body: n.body, createdAt: n.createdAt.toISOString() });

/** Business fields only: what the audit compares. */
function auditView(r: CustomerRow) {
  const { searchText: _s, sortKey: _k, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

export async function listCustomers(deps: Deps, ctx: Ctx, q: CustomerListQuery) {
  authorize(ctx.actor, 'customers:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(
    deps.database.db,
    { pattern: q.q ? searchPattern(q.q) : null, kind: q.kind, status: q.status, city: q.city, sort: q.sort },
    after,
    q.limit,
  );
  return toPage(rows, q.limit, cursorOf, toCustomerDto);
}

export async function getCustomer(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'customers:read');
  const { db } = deps.database;
  const row = await repo.findById(db, id);
  if (!row) throw notFound('customers');
  const [contacts, sites, notes] = await Promise.all([repo.contacts(db, id), repo.sites(db, id), repo.notes(db, id)]);
  return {
    ...toCustomerDto(row),
    contacts: contacts.map(toContactDto),
    sites: sites.map(toSiteDto),
    notesLog: notes.map(toNoteDto),
  };
}

async function duplicateNipWarnings(db: Db, nip: string | null | undefined, excludeId?: string) {
  if (!nip) return [];
  const dupes = await repo.findByNip(db, nip, excludeId);
  if (dupes.length === 0) return [];
  return [
    {
      code: 'customers.duplicate_nip',
      path: 'nip',
      message: `Another customer has this NIP: ${dupes.map((d) => d.name).join(', ')}`,
      customers: dupes,
    },
  ];
}

export async function checkNip(deps: Deps, ctx: Ctx, nip: string, excludeId?: string) {
  authorize(ctx.actor, 'customers:read');
  const { normalizeNip, isValidNip } = await import('../../kernel/pl/identifiers.ts');
  const normalized = normalizeNip(nip);
  return {
    nip: normalized,
    valid: isValidNip(normalized),
    duplicates: await repo.findByNip(deps.database.db, normalized, excludeId),
  };
}

async function searchTextFor(db: Db, c: Pick<CustomerRow, 'id' | 'name' | 'nip' | 'regon' | 'pesel' | 'email' | 'phone' | 'city'>) {
  const contacts = await repo.contacts(db, c.id);
  return customerSearchText({ ...c, contacts: contacts.filter((x) => !x.archivedAt) });
}

export async function createCustomer(deps: Deps, ctx: Ctx, input: CustomerInput) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction((tx) => createCustomerIn(tx, deps, ctx, input));
}

/** Creates a customer inside the caller's transaction (a service order can create its customer on the fly). */
export async function createCustomerIn(tx: Db, deps: Deps, ctx: Ctx, input: CustomerInput, pathPrefix = '') {
  authorize(ctx.actor, 'customers:write');
  const data = normalizeCustomer(input);
  const problems = validateCustomer(data);
  if (problems.length) throw invalidFields(problems.map((p) => ({ ...p, path: pathPrefix + p.path })));
  const warnings = await duplicateNipWarnings(tx, data.nip);
  const now = deps.clock.now();
  const row = await repo.insert(tx, {
    ...data,
    createdAt: now,
    updatedAt: now,
    searchText: customerSearchText(data),
    sortKey: customerSortKey(data.name),
  });
  await appendAudit(tx, ctx, { entity: 'customers', entityId: row.id, action: 'created', after: auditView(row) });
  return { customer: toCustomerDto(row), warnings };
}

export async function updateCustomer(deps: Deps, ctx: Ctx, id: string, patch: Partial<CustomerInput>) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('customers');
    const merged = normalizeCustomer({ ...(toCustomerDto(before) as CustomerInput), ...patch });
    const problems = validateCustomer(merged);
    if (problems.length) throw invalidFields(problems);
    const values = {
      kind: merged.kind,
      name: merged.name,
      nip: merged.nip ?? null,
      regon: merged.regon ?? null,
      pesel: merged.pesel ?? null,
      email: merged.email,
      phone: merged.phone,
      street: merged.street,
      postalCode: merged.postalCode,
      city: merged.city,
      country: merged.country,
      notes: merged.notes,
    };
    const unchanged = Object.entries(values).every(([k, v]) => before[k as keyof CustomerRow] === v);
    if (unchanged) return { customer: toCustomerDto(before), warnings: [] };
    const warnings = before.nip !== values.nip ? await duplicateNipWarnings(tx, values.nip, id) : [];
    const after = await repo.update(tx, id, {
      ...values,
      updatedAt: deps.clock.now(),
      searchText: await searchTextFor(tx, { id, ...values }),
      sortKey: customerSortKey(values.name),
    });
    if (before.name !== after.name) await customerRenamed(tx, id, after.name);
    await appendAudit(tx, ctx, { entity: 'customers', entityId: id, action: 'updated', before: auditView(before), after: auditView(after) });
    return { customer: toCustomerDto(after), warnings };
  });
}

export async function setArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'customers:archive');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('customers');
    if ((before.archivedAt !== null) === archived) return toCustomerDto(before);
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: id,
      action: archived ? 'archived' : 'restored',
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return toCustomerDto(after);
  });
}

/** Deletes a customer nothing refers to; a referenced one must be archived instead. */
export async function deleteCustomer(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'customers:delete');
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('customers');
    const refs = await customerReferenceCount(tx, id);
    if (refs.total > 0)
      throw conflict('customers.referenced', 'The customer is referenced by other records; archive it instead', { references: refs.byKind });
    await repo.delete(tx, id);
    await appendAudit(tx, ctx, { entity: 'customers', entityId: id, action: 'deleted', before: auditView(before), after: null });
  });
}

async function loadForChild(tx: Db, customerId: string) {
  const customer = await repo.findForUpdate(tx, customerId);
  if (!customer) throw notFound('customers');
  return customer;
}

async function refreshSearchText(deps: Deps, tx: Db, customer: CustomerRow) {
  await repo.update(tx, customer.id, { searchText: await searchTextFor(tx, customer), updatedAt: deps.clock.now() });
}

export async function addContact(deps: Deps, ctx: Ctx, customerId: string, input: ContactInput) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    const customer = await loadForChild(tx, customerId);
    const now = deps.clock.now();
    const row = await repo.insertContact(tx, { ...input, customerId, createdAt: now, updatedAt: now });
    await refreshSearchText(deps, tx, customer);
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: customerId,
      action: 'contact_added',
      sub: { entity: 'contact', id: row.id, label: row.name },
      after: toContactDto(row),
    });
    return toContactDto(row);
  });
}

export async function updateContact(deps: Deps, ctx: Ctx, customerId: string, contactId: string, patch: Partial<ContactInput> & { archived?: boolean }) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    const customer = await loadForChild(tx, customerId);
    const before = await repo.findContact(tx, customerId, contactId);
    if (!before) throw notFound('contacts');
    const { archived, ...fields } = patch;
    const now = deps.clock.now();
    const after = await repo.updateContact(tx, contactId, {
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? now) : null }),
      updatedAt: now,
    });
    await refreshSearchText(deps, tx, customer);
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: customerId,
      action: archived === true && !before.archivedAt ? 'contact_archived' : archived === false && before.archivedAt ? 'contact_restored' : 'contact_updated',
      sub: { entity: 'contact', id: contactId, label: after.name },
      before: toContactDto(before),
      after: toContactDto(after),
    });
    return toContactDto(after);
  });
}

export async function addSite(deps: Deps, ctx: Ctx, customerId: string, input: SiteInput) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    await loadForChild(tx, customerId);
    const now = deps.clock.now();
    const row = await repo.insertSite(tx, { ...input, customerId, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: customerId,
      action: 'site_added',
      sub: { entity: 'site', id: row.id, label: row.name },
      after: toSiteDto(row),
    });
    return toSiteDto(row);
  });
}

export async function updateSite(deps: Deps, ctx: Ctx, customerId: string, siteId: string, patch: Partial<SiteInput> & { archived?: boolean }) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    await loadForChild(tx, customerId);
    const before = await repo.findSite(tx, customerId, siteId);
    if (!before) throw notFound('sites');
    const { archived, ...fields } = patch;
    const now = deps.clock.now();
    const after = await repo.updateSite(tx, siteId, {
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? now) : null }),
      updatedAt: now,
    });
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: customerId,
      action: archived === true && !before.archivedAt ? 'site_archived' : archived === false && before.archivedAt ? 'site_restored' : 'site_updated',
      sub: { entity: 'site', id: siteId, label: after.name },
      before: toSiteDto(before),
      after: toSiteDto(after),
    });
    return toSiteDto(after);
  });
}

export async function addNote(deps: Deps, ctx: Ctx, customerId: string, body: string) {
  authorize(ctx.actor, 'customers:write');
  return deps.database.db.transaction(async (tx) => {
    await loadForChild(tx, customerId);
    const row = await repo.insertNote(tx, {
      customerId,
      body,
      authorId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      authorName: ctx.actor.name,
      createdAt: deps.clock.now(),
    });
    await appendAudit(tx, ctx, {
      entity: 'customers',
      entityId: customerId,
      action: 'note_added',
      sub: { entity: 'note', id: row.id, label: body.slice(0, 60) },
      after: { body },
    });
    return toNoteDto(row);
  });
}
