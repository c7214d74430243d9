import { Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { AssetList } from '../components/asset-list.tsx';
import { AssetImportButton } from '../../imports/components/asset-import-button.tsx';

export function AssetsListPage() {
  const t = useT();
  return (
    <Stack>
      <AssetList headerActions={(actions) => <PageHeader title={t('assets.list.title')} subtitle={t('assets.list.intro')} actions={<>{actions}<AssetImportButton /></>} />} />
    </Stack>
  );
}
