import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { vatRateListSchema } from './services.schemas.ts';
import { vatRatesRepository } from './vat-rates.repository.ts';

/** Every VAT rate, inactive ones too (old items and invoices still show them), in display order. */
export async function listVatRates(deps: Deps, ctx: Ctx) {
  authorize(ctx.actor, 'catalog:read');
  return { items: await vatRatesRepository.all(deps.database.db) };
}

export function vatRatesRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/vat-rates',
    {
      config: { permission: 'catalog:read' },
      schema: { tags: ['catalogue'], summary: 'VAT rates with their KSeF codes', response: { 200: vatRateListSchema, ...problemResponses(401, 403) } },
    },
    async (request) => listVatRates(deps, ctxOf(request)),
  );
}
