// Filter controls every catalogue list shares: archived status, code/name sort, "clear filters".
import { Button, NativeSelect } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';

export type ArchiveStatus = 'active' | 'archived' | 'all';
export type CodeNameSort = 'name' | '-name' | 'code' | '-code';

export function ArchiveStatusFilter({ value, onChange, testId }: { value: ArchiveStatus; onChange: (v: ArchiveStatus) => void; testId: string }) {
  const t = useT();
  return (
    <NativeSelect
      label={t('catalogue.list.status')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as ArchiveStatus)}
      data={[
        { value: 'active', label: t('catalogue.list.statusActive') },
        { value: 'archived', label: t('catalogue.list.statusArchived') },
        { value: 'all', label: t('catalogue.list.statusAll') },
      ]}
      data-testid={testId}
    />
  );
}

export function CodeNameSortFilter({ value, onChange, testId }: { value: CodeNameSort; onChange: (v: CodeNameSort) => void; testId: string }) {
  const t = useT();
  return (
    <NativeSelect
      label={t('catalogue.list.sort')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as CodeNameSort)}
      data={[
        { value: 'name', label: t('catalogue.list.sortName') },
        { value: '-name', label: t('catalogue.list.sortNameDesc') },
        { value: 'code', label: t('catalogue.list.sortCode') },
        { value: '-code', label: t('catalogue.list.sortCodeDesc') },
      ]}
      data-testid={testId}
    />
  );
}

export function ClearFiltersButton({ onClear }: { onClear: () => void }) {
  const t = useT();
  return (
    <Button variant="default" onClick={onClear}>
      {t('catalogue.list.clearFilters')}
    </Button>
  );
}
