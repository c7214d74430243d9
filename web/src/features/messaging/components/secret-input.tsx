import { Checkbox, PasswordInput, Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';

type Props = {
  label: string;
  description?: string;
  name: string;
  /** Whether the server has a stored value (it never sends the value itself). */
  isSet: boolean;
  value: string;
  onChange: (value: string) => void;
  remove: boolean;
  onRemoveChange: (remove: boolean) => void;
  error?: string | undefined;
  disabled?: boolean;
};

/**
 * A write-only secret: empty keeps what is stored, typing replaces it, the checkbox removes it.
 * The stored value is never shown — the server does not send it.
 */
export function SecretInput({ label, description, name, isSet, value, onChange, remove, onRemoveChange, error, disabled }: Props) {
  const t = useT();
  return (
    <Stack gap={4}>
      <PasswordInput
        label={label}
        description={remove ? t('messaging.secret.willRemove') : description}
        name={name}
        autoComplete="new-password"
        placeholder={isSet ? t('messaging.secret.placeholderSet') : t('messaging.secret.placeholderEmpty')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        disabled={disabled || remove}
        data-testid={`secret-${name}`}
      />
      {isSet && !disabled && (
        <Checkbox size="xs" label={t('messaging.secret.remove')} checked={remove} onChange={(e) => onRemoveChange(e.currentTarget.checked)} data-testid={`secret-${name}-remove`} />
      )}
    </Stack>
  );
}
