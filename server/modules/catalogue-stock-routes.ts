// Routes of the parts and stock slices, registered by app.ts.
import type { Deps } from '../deps.ts';
import type { App } from '../kernel/http/app-types.ts';
import { partsRoutes } from './catalog/parts.routes.ts';
import { stockRoutes } from './stock/stock.routes.ts';
import { pricingRoutes } from './pricing/pricing.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';

export function registerPartsAndStockRoutes(app: App, deps: Deps) {
  partsRoutes(app, deps);
  stockRoutes(app, deps);
  pricingRoutes(app, deps);
  importsRoutes(app, deps);
}
