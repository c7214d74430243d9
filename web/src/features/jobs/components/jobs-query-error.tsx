import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { jobsErrorText } from './job-format.ts';

/** QueryError with the jobs API's own codes translated (e.g. the runtime not running here). */
export function JobsQueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert color="red" title={t('app.loadFailed')} icon={<IconAlertTriangle size={18} />} role="alert" data-testid="query-error">
      {jobsErrorText(t, error)}
      <div>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </div>
    </Alert>
  );
}
