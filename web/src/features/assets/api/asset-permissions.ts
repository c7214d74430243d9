// The assets and tasks permissions of server/kernel/auth/permissions.ts. The web's Permission union
// (app/api-types.ts) does not list them yet, so they are named here and widened in one place.
import type { Permission } from '../../../app/api-types.ts';

export type AssetPermission = 'assets:read' | 'assets:write' | 'assets:configure' | 'assets:import' | 'assets:export' | 'tasks:read' | 'tasks:manage';

export const perm = (p: AssetPermission): Permission => p as string as Permission;
