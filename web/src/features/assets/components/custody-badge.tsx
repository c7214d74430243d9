import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Custody } from '../api/asset-shapes.ts';
import { custodyLabel } from './asset-text.ts';

/** One colour per place the asset is: with the customer, in the shop, serviced on site, away. */
export const CUSTODY_COLORS: Record<Custody, string> = {
  with_customer: 'green',
  in_shop: 'blue',
  on_site_service: 'orange',
  external_service: 'grape',
};

export function CustodyBadge({ custody, size = 'sm' }: { custody: Custody; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <Badge color={CUSTODY_COLORS[custody] ?? 'gray'} variant="light" size={size} data-testid="custody-badge" data-custody={custody} style={{ whiteSpace: 'nowrap' }}>
      {custodyLabel(t, custody)}
    </Badge>
  );
}
