// Who can be picked as an order's technician, a step's owner, the worker of a time entry or the one
// a task is handed to: GET /api/v1/staff — active colleagues' names and roles (at most 500, by name),
// readable by everyone who works on orders (orders:read). Emails and accounts stay behind users:read.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Role } from '../../../app/api-types.ts';

export type StaffMember = { id: string; name: string; role: Role };
/** A pickable person; role null for someone who is no longer in the list (kept when already assigned). */
export type StaffOption = { id: string; name: string; role: Role | null };
export type Staff = { options: StaffOption[]; isPending: boolean };

/** Under ['users'] so that inviting, renaming or deactivating someone refreshes the pickers. */
export const staffKeys = { all: ['users', 'staff'] as const };

export function useStaff(): Staff {
  const staff = useQuery({
    queryKey: staffKeys.all,
    queryFn: ({ signal }) => api<{ items: StaffMember[] }>('/api/v1/staff', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
  return { options: staff.data ?? [], isPending: staff.isPending };
}
