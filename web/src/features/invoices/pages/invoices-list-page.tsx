import { Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { BankImportButton } from '../components/bank-import.tsx';
import { InvoiceList } from '../components/invoice-list.tsx';

export function InvoicesListPage() {
  const t = useT();
  return (
    <Stack>
      <InvoiceList
        headerActions={(actions) => (
          <PageHeader
            title={t('invoices.title')}
            subtitle={t('invoices.list.intro')}
            actions={
              <>
                <BankImportButton />
                {actions}
              </>
            }
          />
        )}
      />
    </Stack>
  );
}
