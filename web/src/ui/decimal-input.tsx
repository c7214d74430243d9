import { TextInput, type TextInputProps } from '@mantine/core';
import { useT } from '../i18n/i18n-context.tsx';

type Props = Omit<TextInputProps, 'onChange' | 'value'> & {
  value: string;
  onChange: (text: string) => void;
  kind: 'money' | 'percent' | 'quantity';
  /** Shown after the number, e.g. "szt." for a quantity. */
  unit?: string;
};

/**
 * A text input for an exact decimal: the form keeps the text as typed ("49,99") and converts it with
 * parseMoneyInput / parsePercentInput / parseQuantityInput on submit — never through a float.
 */
export function DecimalInput({ value, onChange, kind, unit, ...rest }: Props) {
  const t = useT();
  const suffix = kind === 'money' ? t('catalogue.money.currency') : kind === 'percent' ? '%' : (unit ?? '');
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={suffix ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{suffix}</span> : undefined}
      rightSectionWidth={suffix.length > 3 ? 48 : 36}
      styles={{ input: { textAlign: 'right' } }}
      {...rest}
    />
  );
}
