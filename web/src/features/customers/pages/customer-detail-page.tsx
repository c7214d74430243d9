import { Anchor, Badge, Breadcrumbs, Stack, Tabs } from '@mantine/core';
import { IconAddressBook, IconClipboardList, IconDevices, IconFileInvoice, IconHistory, IconInfoCircle, IconMapPin, IconNotes } from '@tabler/icons-react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { perm } from '../../assets/api/asset-permissions.ts';
import { CustomerAssetsTab } from '../../assets/components/customer-assets-tab.tsx';
import { CustomerOrdersTab } from '../../service-orders/components/orders-tab.tsx';
import { CustomerInvoicesTab } from '../../invoices/customer/customer-invoices-tab.tsx';
import { useCustomer } from '../api/customers-api.ts';
import type { CustomerWarning } from '../api/customer-types.ts';
import { ContactsSection } from '../components/contacts-section.tsx';
import { CustomerActions } from '../components/customer-actions.tsx';
import { CustomerDetails } from '../components/customer-details.tsx';
import { ArchivedBadge, CustomerKindBadge } from '../components/customer-kind-badge.tsx';
import { CustomerWarnings } from '../components/customer-warnings.tsx';
import { NotesSection } from '../components/notes-section.tsx';
import { SitesSection } from '../components/sites-section.tsx';

const TABS = ['details', 'contacts', 'sites', 'assets', 'orders', 'invoices', 'notes', 'history'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => (TABS as readonly (string | null)[]).includes(v);

export function CustomerDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const customer = useCustomer(id);
  const navigate = useNavigate();
  // warnings of the create/update that led here (router state), until dismissed
  const warnings = (location.state as { warnings?: CustomerWarning[] } | null)?.warnings ?? [];
  const dismissWarnings = () => void navigate(location.pathname + location.search, { replace: true, state: null });

  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'details';
  const setTab = (v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (!v || v === 'details') next.delete('tab');
        else next.set('tab', v);
        return next;
      },
      { replace: true, state: location.state },
    );

  if (customer.isPending) return <PageLoader />;
  if (customer.error) return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  const activeContacts = c.contacts.filter((x) => !x.archived).length;
  const activeSites = c.sites.filter((x) => !x.archived).length;
  const count = (n: number) =>
    n > 0 ? (
      <Badge size="xs" variant="light" circle>
        {n}
      </Badge>
    ) : null;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/customers" size="sm">
          {t('customers.list.title')}
        </Anchor>
        <span>{c.name}</span>
      </Breadcrumbs>
      <PageHeader
        title={<span data-testid="customer-name">{c.name}</span>}
        badges={
          <>
            <CustomerKindBadge kind={c.kind} />
            {c.archived && <ArchivedBadge />}
          </>
        }
        actions={<CustomerActions customer={c} />}
      />
      <CustomerWarnings warnings={warnings} onClose={dismissWarnings} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />} data-testid="tab-details">
            {t('customers.detail.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />} rightSection={count(activeContacts)} data-testid="tab-contacts">
            {t('customers.detail.tabs.contacts')}
          </Tabs.Tab>
          <Tabs.Tab value="sites" leftSection={<IconMapPin size={16} />} rightSection={count(activeSites)} data-testid="tab-sites">
            {t('customers.detail.tabs.sites')}
          </Tabs.Tab>
          {can(perm('assets:read')) && (
            <Tabs.Tab value="assets" leftSection={<IconDevices size={16} />} data-testid="tab-assets">
              {t('assets.customerTab.title')}
            </Tabs.Tab>
          )}
          {can('orders:read') && (
            <Tabs.Tab value="orders" leftSection={<IconClipboardList size={16} />} data-testid="tab-orders">
              {t('orders.tab.title')}
            </Tabs.Tab>
          )}
          {can('invoices:read') && (
            <Tabs.Tab value="invoices" leftSection={<IconFileInvoice size={16} />} data-testid="tab-invoices">
              {t('invoiceSettings.customer.tab')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="notes" leftSection={<IconNotes size={16} />} rightSection={count(c.notesLog.length)} data-testid="tab-notes">
            {t('customers.detail.tabs.notes')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
              {t('customers.detail.tabs.history')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <CustomerDetails customer={c} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsSection customerId={c.id} contacts={c.contacts} />
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <SitesSection customerId={c.id} sites={c.sites} />
        </Tabs.Panel>
        <Tabs.Panel value="assets">
          <CustomerAssetsTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <CustomerOrdersTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="invoices">
          <CustomerInvoicesTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesSection customerId={c.id} notes={c.notesLog} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="customers" id={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
