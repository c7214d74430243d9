// English texts of the tracking screens, typed against the Polish ones.
import type { Catalog } from '../catalog-types.ts';

export const enTracking: Catalog['tracking'] = {};
