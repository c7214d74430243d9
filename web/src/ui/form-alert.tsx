import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useT } from '../i18n/i18n-context.tsx';

/** The general error of a form: problems that belong to no field. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  const t = useT();
  if (!message) return null;
  return (
    <Alert color="red" title={t('common.errorTitle')} icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}
