import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { CustomerKind } from '../api/customer-types.ts';

export function CustomerKindBadge({ kind }: { kind: CustomerKind }) {
  const t = useT();
  return (
    <Badge variant="light" color={kind === 'company' ? 'blue' : 'grape'} size="sm">
      {t(`customers.kind.${kind}`)}
    </Badge>
  );
}

export function ArchivedBadge() {
  const t = useT();
  return (
    <Badge variant="filled" color="gray" size="sm" data-testid="archived-badge">
      {t('common.archived')}
    </Badge>
  );
}
