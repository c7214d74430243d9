import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../i18n/i18n-context.tsx';
import { apiErrorText } from './api-error-text.ts';

/** A failed query: the translated reason and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert color="red" title={t('app.loadFailed')} icon={<IconAlertTriangle size={18} />} role="alert" data-testid="query-error">
      {apiErrorText(t, error)}
      {onRetry && (
        <div>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </div>
      )}
    </Alert>
  );
}
