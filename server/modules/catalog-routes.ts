// The catalogue's HTTP routes in one call for app.ts: products, services, VAT rates, resources, service paths.
import type { Deps } from '../deps.ts';
import type { App } from '../kernel/http/app-types.ts';
import { productsRoutes } from './catalog/products.routes.ts';
import { servicesRoutes } from './catalog/services.routes.ts';
import { vatRatesRoutes } from './catalog/vat-rates.routes.ts';
import { resourcesRoutes } from './resources/resources.routes.ts';
import { servicePathsRoutes } from './service-paths/service-paths.routes.ts';

export function registerCatalogueRoutes(app: App, deps: Deps) {
  productsRoutes(app, deps);
  servicesRoutes(app, deps);
  vatRatesRoutes(app, deps);
  resourcesRoutes(app, deps);
  servicePathsRoutes(app, deps);
}
