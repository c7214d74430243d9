import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { Language } from '../i18n/catalog-types.ts';
import { useLanguage, useT } from '../i18n/i18n-context.tsx';

/** "Export ▾" → CSV / XLSX of the filtered list (plain links: the browser downloads the file). */
export function ExportButtons({ url, testId }: { url: (format: 'csv' | 'xlsx', lang: Language) => string; testId: string }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} data-testid={`${testId}-export`}>
          {t('catalogue.list.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={url('csv', language)} download data-testid={`${testId}-export-csv`}>
          {t('catalogue.list.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={url('xlsx', language)} download data-testid={`${testId}-export-xlsx`}>
          {t('catalogue.list.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
