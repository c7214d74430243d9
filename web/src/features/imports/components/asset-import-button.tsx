import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { perm } from '../../assets/api/asset-permissions.ts';

/** "Importuj" on the assets list; a list filtered to one type preselects that type in the wizard. */
export function AssetImportButton() {
  const t = useT();
  const can = useCan();
  const [params] = useSearchParams();
  if (!can(perm('assets:import'))) return null;
  const type = params.get('assetTypeId');
  return (
    <Button component={Link} to={type ? `/assets/import?assetTypeId=${encodeURIComponent(type)}` : '/assets/import'} variant="default" leftSection={<IconFileImport size={16} />} data-testid="assets-import">
      {t('imports.open')}
    </Button>
  );
}
