import { forbidden } from '../errors/app-error.ts';
import { can, type Permission, type Role } from './permissions.ts';

/** Who is acting. Use cases take it as their first argument; jobs act as the system. */
export type Actor =
  | { kind: 'user'; userId: string; name: string; email: string; role: Role; via: 'session' | 'token' }
  | { kind: 'system'; name: string };

export const systemActor = (name = 'system'): Actor => ({ kind: 'system', name });

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `${actor.name} <${actor.email}>` : actor.name;
}

export const actorId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

/** Use cases call this first; the route guard already checked, this keeps use cases safe when reused. */
export function authorize(actor: Actor, permission: Permission): void {
  if (actor.kind === 'system') return;
  if (!can(actor.role, permission)) throw forbidden(permission);
}
