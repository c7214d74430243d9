// Who can be picked as an order's technician (or a step's owner). The server lists staff only to
// users:read (administrators and managers); everyone else can pick themselves, and keeps whoever is
// already assigned. See the report: a staff picker endpoint readable with orders:write is needed.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page, Role, User } from '../../../app/api-types.ts';
import { useCan, useSignedIn } from '../../../app/session.ts';

export type StaffOption = { id: string; name: string; role: Role | null };

export function useStaff(): { options: StaffOption[]; complete: boolean; isPending: boolean } {
  const can = useCan();
  const me = useSignedIn().user;
  const mayList = can('users:read');
  const users = useQuery({
    queryKey: ['users', 'staff-picker'],
    queryFn: () => api<Page<User>>('/api/v1/users', { query: { limit: 100 } }).then((r) => r.items),
    enabled: mayList,
    staleTime: 60_000,
  });
  if (!mayList) return { options: [{ id: me.id, name: me.name, role: me.role }], complete: false, isPending: false };
  const list = (users.data ?? []).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  if (!list.some((u) => u.id === me.id)) list.unshift({ id: me.id, name: me.name, role: me.role });
  return { options: list, complete: true, isPending: users.isPending };
}
