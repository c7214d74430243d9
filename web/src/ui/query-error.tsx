import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../app/api-client.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { apiErrorText } from './api-error-text.ts';

/** A failed query: the translated reason and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  // asking again will not find what is not there (404) or make it allowed (403)
  const retryable = !(error instanceof ApiError && error.status >= 400 && error.status < 500);
  return (
    <Alert color="red" title={t('app.loadFailed')} icon={<IconAlertTriangle size={18} />} role="alert" data-testid="query-error">
      {apiErrorText(t, error)}
      {onRetry && retryable && (
        <div>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </div>
      )}
    </Alert>
  );
}
