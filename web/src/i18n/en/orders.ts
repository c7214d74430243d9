// English texts of the orders screens, typed against the Polish ones.
import type { Catalog } from '../catalog-types.ts';

export const enOrders: Catalog['orders'] = {};
