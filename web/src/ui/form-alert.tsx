import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The general error of a form: problems that belong to no field. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}
