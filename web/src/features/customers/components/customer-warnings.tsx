import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { CustomerWarning } from '../api/customer-types.ts';

/** Warnings returned by a create/update (e.g. duplicate NIP), with links to the other customers. */
export function CustomerWarnings({ warnings, onClose }: { warnings: CustomerWarning[]; onClose?: () => void }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      title={t('customers.form.warningsTitle')}
      icon={<IconAlertTriangle size={18} />}
      withCloseButton={!!onClose}
      onClose={onClose}
      data-testid="customer-warnings"
    >
      {warnings.map((w, i) => (
        <div key={`${w.code}-${i}`}>
          <Text size="sm">{t.opt(`errors.${w.code}`) ?? w.message}</Text>
          {w.customers && w.customers.length > 0 && (
            <Group gap="xs" mt={4}>
              {w.customers.map((c) => (
                <Anchor key={c.id} component={Link} to={`/customers/${c.id}`} size="sm">
                  {c.name}
                </Anchor>
              ))}
            </Group>
          )}
        </div>
      ))}
    </Alert>
  );
}
