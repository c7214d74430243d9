import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';

export function ArchivedBadge() {
  const t = useT();
  return (
    <Badge color="gray" variant="light" data-testid="archived-badge">
      {t('catalogue.archivedBadge')}
    </Badge>
  );
}
