// QR labels: one asset's label, or a sheet for a filtered list. The QR opens the asset's staff page.
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { renderAssetLabels, type AssetLabelItem, type LabelLang, type LabelLayout } from '../../kernel/pdf/asset-labels.ts';
import { findCompany } from '../company/company.usecases.ts';
import { assetsRepository as repo, type AssetView } from './assets.repository.ts';
import type { AssetListFilters } from './assets.schemas.ts';
import { assetFilter } from './assets.usecases.ts';

/** Rendering is CPU work in the request (about 10 ms a label): ten A4 sheets at most per request. */
export const MAX_LABELS = 240;

export const assetPageUrl = (origin: string, id: string) => `${origin.replace(/\/+$/, '')}/assets/${id}`;

const item = (origin: string, a: AssetView): AssetLabelItem => ({
  url: assetPageUrl(origin, a.id),
  name: a.name,
  serialNumber: a.serialNumber,
  customerName: a.customerName,
  assetTypeName: a.assetTypeName,
});

async function render(deps: Deps, lang: LabelLang, layout: LabelLayout, items: AssetLabelItem[]) {
  const company = await findCompany(deps.database.db);
  return renderAssetLabels({ lang, layout, company: company?.name ?? '', createdAt: deps.clock.now(), items });
}

export async function assetLabel(deps: Deps, ctx: Ctx, id: string, opts: { origin: string; lang: LabelLang; layout: LabelLayout }) {
  authorize(ctx.actor, 'assets:read');
  const a = await repo.view(deps.database.db, id);
  if (!a) throw notFound('assets');
  return render(deps, opts.lang, opts.layout, [item(opts.origin, a)]);
}

export async function assetLabelSheet(deps: Deps, ctx: Ctx, q: AssetListFilters, opts: { origin: string; lang: LabelLang }) {
  authorize(ctx.actor, 'assets:read');
  const { rows } = await repo.list(deps.database.db, await assetFilter(deps.database.db, q), null, MAX_LABELS);
  if (rows.length === 0) throw invalidFields([fieldError('q', 'assets.labels_none', 'No assets match the filters')]);
  if (rows.length > MAX_LABELS) throw invalidFields([fieldError('q', 'assets.labels_too_many', `More than ${MAX_LABELS} assets match; narrow the filters`, { max: MAX_LABELS })]);
  return render(deps, opts.lang, 'sheet', rows.map((a) => item(opts.origin, a)));
}
