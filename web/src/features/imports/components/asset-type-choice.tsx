import { Anchor, Select, Text } from '@mantine/core';
import { IconCategory2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAssetTypes } from '../../assets/api/asset-types-api.ts';

type Props = {
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | null;
  disabled: boolean;
};

/** The type of the imported assets, chosen before the file: its custom fields become columns. */
export function AssetTypeChoice({ value, onChange, error, disabled }: Props) {
  const t = useT();
  const types = useAssetTypes('active');
  const items = types.data?.items ?? [];
  return (
    <>
      <Select
        label={t('imports.file.assetType')}
        description={t('imports.file.assetTypeDescription')}
        placeholder={t('imports.file.assetTypePlaceholder')}
        data={items.map((x) => ({ value: x.id, label: x.name }))}
        value={value}
        onChange={onChange}
        error={error}
        disabled={disabled}
        leftSection={<IconCategory2 size={18} />}
        searchable
        required
        allowDeselect={false}
        data-testid="import-asset-type"
      />
      {types.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="import-no-asset-types">
          {t('imports.file.noAssetTypes')}{' '}
          <Anchor component={Link} to="/settings/asset-types/new" size="sm">
            {t('imports.file.addAssetType')}
          </Anchor>
        </Text>
      )}
    </>
  );
}
