import { NavLink, Stack } from '@mantine/core';
import {
  IconApi,
  IconBox,
  IconBuilding,
  IconBuildingWarehouse,
  IconCar,
  IconCategory,
  IconCategory2,
  IconClipboardList,
  IconClockPlay,
  IconMailCog,
  IconExternalLink,
  IconFileInvoice,
  IconDevices,
  IconListCheck,
  IconPackage,
  IconRoute,
  IconSettings,
  IconStatusChange,
  IconTags,
  IconTool,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { useCan } from './session.ts';
import { JOBS_READ } from '../features/jobs/api/jobs-api.ts';
import { perm } from '../features/assets/api/asset-permissions.ts';
import { InboxNavLink, useHomeIsInbox } from '../features/inbox/components/inbox-nav-link.tsx';

/** Only the areas that exist, and only those the user's permissions allow. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const can = useCan();
  const { pathname } = useLocation();
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const homeIsInbox = useHomeIsInbox();
  const settings = [
    can('company:read') && { to: '/settings/company', label: t('nav.company'), icon: <IconBuilding size={18} />, testId: 'nav-company' },
    can('users:read') && { to: '/settings/users', label: t('nav.users'), icon: <IconUsers size={18} />, testId: 'nav-users' },
    can(perm('assets:configure')) && { to: '/settings/asset-types', label: t('assets.nav.assetTypes'), icon: <IconCategory2 size={18} />, testId: 'nav-asset-types' },
    can('orders:configure') && { to: '/settings/order-statuses', label: t('orders.nav.statuses'), icon: <IconStatusChange size={18} />, testId: 'nav-order-statuses' },
    can(JOBS_READ) && { to: '/settings/jobs', label: t('jobs.nav'), icon: <IconClockPlay size={18} />, testId: 'nav-jobs' },
    can('messaging:read') && { to: '/settings/messaging', label: t('messaging.nav'), icon: <IconMailCog size={18} />, testId: 'nav-messaging' },
    can('invoices:configure') && { to: '/settings/invoicing', label: t('invoiceSettings.nav'), icon: <IconFileInvoice size={18} />, testId: 'nav-invoice-settings' },
  ].filter((x) => x !== false);
  const catalogue = [
    { to: '/catalogue/products', label: t('nav.products'), icon: <IconBox size={18} />, testId: 'nav-products' },
    { to: '/catalogue/parts', label: t('nav.parts'), icon: <IconPackage size={18} />, testId: 'nav-parts' },
    { to: '/catalogue/stock-locations', label: t('nav.stockLocations'), icon: <IconBuildingWarehouse size={18} />, testId: 'nav-stock-locations' },
    { to: '/catalogue/services', label: t('nav.services'), icon: <IconTool size={18} />, testId: 'nav-services' },
    { to: '/catalogue/price-lists', label: t('nav.priceLists'), icon: <IconTags size={18} />, testId: 'nav-price-lists' },
    { to: '/catalogue/service-paths', label: t('nav.servicePaths'), icon: <IconRoute size={18} />, testId: 'nav-service-paths' },
    { to: '/catalogue/resources', label: t('nav.resources'), icon: <IconCar size={18} />, testId: 'nav-resources' },
  ];

  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      {can(perm('tasks:read')) && <InboxNavLink onNavigate={onNavigate} />}
      {can('setup:read') && (
        <NavLink
          component={Link}
          to="/guide"
          label={t('nav.guide')}
          leftSection={<IconListCheck size={18} />}
          active={pathname === '/guide' || (pathname === '/' && !homeIsInbox)}
          onClick={onNavigate}
          data-testid="nav-guide"
        />
      )}
      {can('orders:read') && (
        <NavLink
          component={Link}
          to="/orders"
          label={t('orders.nav.orders')}
          leftSection={<IconClipboardList size={18} />}
          active={under('/orders')}
          onClick={onNavigate}
          data-testid="nav-orders"
        />
      )}
      {can('invoices:read') && (
        <NavLink
          component={Link}
          to="/invoices"
          label={t('invoices.nav')}
          leftSection={<IconFileInvoice size={18} />}
          active={under('/invoices')}
          onClick={onNavigate}
          data-testid="nav-invoices"
        />
      )}
      {can('customers:read') && (
        <NavLink
          component={Link}
          to="/customers"
          label={t('nav.customers')}
          leftSection={<IconUsersGroup size={18} />}
          active={under('/customers')}
          onClick={onNavigate}
          data-testid="nav-customers"
        />
      )}
      {can(perm('assets:read')) && (
        <NavLink
          component={Link}
          to="/assets"
          label={t('assets.nav.assets')}
          leftSection={<IconDevices size={18} />}
          active={under('/assets')}
          onClick={onNavigate}
          data-testid="nav-assets"
        />
      )}
      {can('catalog:read') && (
        <NavLink
          label={t('nav.catalogue')}
          leftSection={<IconCategory size={18} />}
          defaultOpened
          childrenOffset={28}
          data-testid="nav-catalogue"
        >
          {catalogue.map((c) => (
            <NavLink
              key={c.to}
              component={Link}
              to={c.to}
              label={c.label}
              leftSection={c.icon}
              active={under(c.to)}
              onClick={onNavigate}
              data-testid={c.testId}
            />
          ))}
        </NavLink>
      )}
      <NavLink
        label={t('nav.settings')}
        leftSection={<IconSettings size={18} />}
        defaultOpened
        childrenOffset={28}
        data-testid="nav-settings"
      >
        {settings.map((s) => (
          <NavLink
            key={s.to}
            component={Link}
            to={s.to}
            label={s.label}
            leftSection={s.icon}
            active={under(s.to)}
            onClick={onNavigate}
            data-testid={s.testId}
          />
        ))}
        <NavLink
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noopener"
          label={t('nav.apiDocs')}
          leftSection={<IconApi size={18} />}
          rightSection={<IconExternalLink size={14} />}
          data-testid="nav-api-docs"
        />
      </NavLink>
    </Stack>
  );
}
