import { Alert, Anchor, List, Loader, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { checkNip } from '../api/customers-api.ts';
import type { NipCheck } from '../api/customer-types.ts';

type Props = {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  excludeId?: string;
  label: string;
};

/**
 * NIP with a check on blur: a checksum hint in the error slot and a yellow warning listing the
 * customers that already have this NIP (a warning, not an error: branches may share a NIP).
 */
export function NipField({ value, onChange, error, excludeId, label }: Props) {
  const t = useT();
  const [check, setCheck] = useState<NipCheck | null>(null);
  const [checking, setChecking] = useState(false);

  const onBlur = async () => {
    const nip = value.trim();
    if (!nip) {
      setCheck(null);
      return;
    }
    setChecking(true);
    try {
      setCheck(await checkNip(nip, excludeId));
    } catch {
      setCheck(null);
    } finally {
      setChecking(false);
    }
  };

  const hint = check && !check.valid ? t('customers.form.nipInvalid') : undefined;
  return (
    <div>
      <TextInput
        label={label}
        name="nip"
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          setCheck(null);
        }}
        onBlur={() => void onBlur()}
        error={error ?? hint}
        rightSection={checking ? <Loader size="xs" aria-label={t('customers.form.nipChecking')} /> : undefined}
        inputMode="numeric"
        data-testid="customer-nip"
      />
      {check && check.duplicates.length > 0 && (
        <Alert color="yellow" mt={6} p="xs" icon={<IconAlertTriangle size={16} />} data-testid="nip-warning">
          {t('customers.form.nipDuplicates')}
          <List size="sm" mt={4}>
            {check.duplicates.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/customers/${d.id}`} target="_blank" size="sm">
                  {d.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </div>
  );
}
