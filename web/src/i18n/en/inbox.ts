// English texts of the inbox screens, typed against the Polish ones.
import type { Catalog } from '../catalog-types.ts';

export const enInbox: Catalog['inbox'] = {};
