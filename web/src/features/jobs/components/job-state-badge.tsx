import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { JobState } from '../api/jobs-api.ts';
import { STATE_COLORS } from './job-format.ts';

export function JobStateBadge({ state }: { state: JobState }) {
  const t = useT();
  return (
    <Badge color={STATE_COLORS[state]} variant={state === 'failed' || state === 'retry' ? 'filled' : 'light'} data-testid="job-state" data-state={state}>
      {t(`jobs.states.${state}`)}
    </Badge>
  );
}
