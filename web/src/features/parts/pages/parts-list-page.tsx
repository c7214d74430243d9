import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { IconBuildingWarehouse, IconFileImport, IconPackage, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { PART_FILTER_DEFAULTS, PART_FILTER_VALUES, partsApi } from '../api/parts-api.ts';
import { PartsTable } from '../components/parts-table.tsx';
import { ArchiveStatusFilter, CodeNameSortFilter } from '../../catalogue/components/list-filters.tsx';

export function PartsListPage() {
  const t = useT();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(PART_FILTER_DEFAULTS, PART_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const list = partsApi.useList(filters);
  const parts = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, PART_FILTER_DEFAULTS);
  const clear = () => {
    setFilters({ ...PART_FILTER_DEFAULTS });
    setResetToken((n) => n + 1);
  };

  const newButton = can('catalog:write') && (
    <Button component={Link} to="/catalogue/parts/new" leftSection={<IconPlus size={16} />} data-testid="part-new">
      {t('parts.list.new')}
    </Button>
  );
  const importButton = can('catalog:import') && (
    <Button component={Link} to="/catalogue/parts/import" variant="default" leftSection={<IconFileImport size={16} />} data-testid="parts-import">
      {t('catalogue.list.import')}
    </Button>
  );

  return (
    <Stack>
      <PageHeader
        title={t('parts.list.title')}
        subtitle={t('parts.list.intro')}
        actions={
          <>
            <Button component={Link} to="/catalogue/stock-locations" variant="subtle" leftSection={<IconBuildingWarehouse size={16} />} data-testid="stock-locations-link">
              {t('stock.locations.title')}
            </Button>
            {importButton}
            {can('catalog:export') && <ExportButtons url={(format, lang) => partsApi.exportUrl(filters, format, lang)} testId="parts" />}
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('parts.list.searchPlaceholder')} resetToken={resetToken} testId="parts-search" />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="parts-filter-status" />
        <CodeNameSortFilter value={filters.sort} onChange={(sort) => setFilters({ sort })} testId="parts-filter-sort" />
        <Checkbox
          label={t('parts.list.lowStockOnly')}
          checked={filters.lowStock === 'true'}
          onChange={(e) => setFilters({ lowStock: e.currentTarget.checked ? 'true' : '' })}
          mb={8}
          data-testid="parts-filter-low-stock"
        />
      </Group>
      <ListFrame
        query={list}
        testId="parts"
        empty={{
          icon: <IconPackage size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('parts.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('parts.list.emptyText'),
          actions: narrowed ? (
            <Button variant="default" onClick={clear} data-testid="parts-clear-filters">
              {t('catalogue.list.clearFilters')}
            </Button>
          ) : (
            <>
              {newButton}
              {importButton}
            </>
          ),
        }}
      >
        <PartsTable parts={parts} />
      </ListFrame>
    </Stack>
  );
}
