// Every screen of the staff app. The server answers unknown non-API paths with index.html.
import { Navigate, createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/pages/account-page.tsx';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page.tsx';
import { SignInPage } from '../features/auth/pages/sign-in-page.tsx';
import { CompanySettingsPage } from '../features/company/pages/company-settings-page.tsx';
import { CustomerDetailPage } from '../features/customers/pages/customer-detail-page.tsx';
import { CustomerEditPage } from '../features/customers/pages/customer-edit-page.tsx';
import { CustomerNewPage } from '../features/customers/pages/customer-new-page.tsx';
import { CustomersImportPage } from '../features/customers/pages/customers-import-page.tsx';
import { CustomersListPage } from '../features/customers/pages/customers-list-page.tsx';
import { AssetImportPage, CatalogueImportPage, PriceListImportPage } from '../features/imports/pages/import-pages.tsx';
import { PartDetailPage } from '../features/parts/pages/part-detail-page.tsx';
import { PartEditPage } from '../features/parts/pages/part-edit-page.tsx';
import { PartNewPage } from '../features/parts/pages/part-new-page.tsx';
import { PartsListPage } from '../features/parts/pages/parts-list-page.tsx';
import { PriceListDetailPage, PriceListEditPage, PriceListNewPage, PriceListsListPage } from '../features/price-lists/pages/price-lists-pages.tsx';
import { ProductDetailPage, ProductEditPage, ProductNewPage, ProductsListPage } from '../features/products/pages/products-pages.tsx';
import { ResourceDetailPage, ResourceEditPage, ResourceNewPage, ResourcesListPage } from '../features/resources/pages/resources-pages.tsx';
import { ServicePathDetailPage, ServicePathNewPage, ServicePathsListPage } from '../features/service-paths/pages/service-paths-pages.tsx';
import { ServiceDetailPage, ServiceEditPage, ServiceNewPage, ServicesListPage } from '../features/services/pages/services-pages.tsx';
import { GuidePage } from '../features/setup/pages/guide-page.tsx';
import { StockLocationsPage } from '../features/stock/pages/stock-locations-page.tsx';
import { SetupPage } from '../features/setup/pages/setup-page.tsx';
import { UsersPage } from '../features/users/pages/users-page.tsx';
import { JOBS_READ } from '../features/jobs/api/jobs-api.ts';
import { perm } from '../features/assets/api/asset-permissions.ts';
import { AssetDetailPage } from '../features/assets/pages/asset-detail-page.tsx';
import { AssetEditPage, AssetNewPage } from '../features/assets/pages/asset-form-pages.tsx';
import { AssetTypeEditPage, AssetTypeNewPage, AssetTypesPage } from '../features/assets/pages/asset-types-pages.tsx';
import { AssetsListPage } from '../features/assets/pages/assets-list-page.tsx';
import { HomePage, TasksRedirect } from '../features/inbox/pages/home-page.tsx';
import { InboxPage } from '../features/inbox/pages/inbox-page.tsx';
import { JobsPage } from '../features/jobs/pages/jobs-page.tsx';
import { OrderDetailPage } from '../features/service-orders/pages/order-detail-page.tsx';
import { OrderNewPage } from '../features/service-orders/pages/order-new-page.tsx';
import { OrderStatusesPage } from '../features/service-orders/pages/order-statuses-page.tsx';
import { OrdersListPage } from '../features/service-orders/pages/orders-list-page.tsx';
import { MessagingSettingsPage } from '../features/messaging/pages/messaging-settings-page.tsx';
import { MessagesPage } from '../features/messaging/pages/messages-page.tsx';
import { InvoiceSettingsPage } from '../features/invoices/settings/invoice-settings-page.tsx';
import { InvoicePage } from '../features/invoices/pages/invoice-page.tsx';
import { InvoicesListPage } from '../features/invoices/pages/invoices-list-page.tsx';
import { AuthGuard, RequirePermission } from './auth-guard.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { SetupGate } from './setup-gate.tsx';
import { StaffLayout } from './staff-layout.tsx';
import { EstimatePage } from '../features/tracking/pages/estimate-page.tsx';
import { TrackingPage } from '../features/tracking/pages/tracking-page.tsx';

export const router = createBrowserRouter([
  // The customer's links (no sign-in, no setup check): the order's tracking page and the estimate.
  { path: '/t/:token', element: <TrackingPage /> },
  { path: '/e/:token', element: <EstimatePage /> },
  {
    element: <SetupGate />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/setup', element: <SetupPage /> },
          { path: '/sign-in', element: <SignInPage /> },
        ],
      },
      {
        element: <AuthGuard />,
        children: [
          {
            element: <StaffLayout />,
            children: [
              // home: the setup guide until setup is complete, then the task inbox
              { path: '/', element: <HomePage /> },
              { path: '/guide', element: <RequirePermission permission="setup:read"><GuidePage /></RequirePermission> },
              { path: '/inbox', element: <RequirePermission permission={perm('tasks:read')}><InboxPage /></RequirePermission> },
              // service orders
              { path: '/orders', element: <RequirePermission permission="orders:read"><OrdersListPage /></RequirePermission> },
              { path: '/orders/new', element: <RequirePermission permission="orders:write"><OrderNewPage /></RequirePermission> },
              { path: '/orders/:id', element: <RequirePermission permission="orders:read"><OrderDetailPage /></RequirePermission> },
              // invoices
              { path: '/invoices', element: <RequirePermission permission="invoices:read"><InvoicesListPage /></RequirePermission> },
              { path: '/invoices/:id', element: <RequirePermission permission="invoices:read"><InvoicePage /></RequirePermission> },
              { path: '/customers', element: <RequirePermission permission="customers:read"><CustomersListPage /></RequirePermission> },
              { path: '/customers/new', element: <RequirePermission permission="customers:write"><CustomerNewPage /></RequirePermission> },
              { path: '/customers/import', element: <RequirePermission permission="customers:import"><CustomersImportPage /></RequirePermission> },
              { path: '/customers/:id', element: <RequirePermission permission="customers:read"><CustomerDetailPage /></RequirePermission> },
              { path: '/customers/:id/edit', element: <RequirePermission permission="customers:write"><CustomerEditPage /></RequirePermission> },
              // customer assets and tasks
              { path: '/assets', element: <RequirePermission permission={perm('assets:read')}><AssetsListPage /></RequirePermission> },
              { path: '/assets/new', element: <RequirePermission permission={perm('assets:write')}><AssetNewPage /></RequirePermission> },
              { path: '/assets/import', element: <RequirePermission permission={perm('assets:import')}><AssetImportPage /></RequirePermission> },
              { path: '/assets/:id', element: <RequirePermission permission={perm('assets:read')}><AssetDetailPage /></RequirePermission> },
              { path: '/assets/:id/edit', element: <RequirePermission permission={perm('assets:write')}><AssetEditPage /></RequirePermission> },
              { path: '/tasks', element: <TasksRedirect /> },
              // catalogue
              { path: '/catalogue', element: <Navigate to="/catalogue/parts" replace /> },
              { path: '/catalogue/parts', element: <RequirePermission permission="catalog:read"><PartsListPage /></RequirePermission> },
              { path: '/catalogue/parts/new', element: <RequirePermission permission="catalog:write"><PartNewPage /></RequirePermission> },
              { path: '/catalogue/parts/import', element: <RequirePermission permission="catalog:import"><CatalogueImportPage target="parts" /></RequirePermission> },
              { path: '/catalogue/parts/:id', element: <RequirePermission permission="catalog:read"><PartDetailPage /></RequirePermission> },
              { path: '/catalogue/parts/:id/edit', element: <RequirePermission permission="catalog:write"><PartEditPage /></RequirePermission> },
              { path: '/catalogue/stock-locations', element: <RequirePermission permission="stock:read"><StockLocationsPage /></RequirePermission> },
              { path: '/catalogue/products', element: <RequirePermission permission="catalog:read"><ProductsListPage /></RequirePermission> },
              { path: '/catalogue/products/new', element: <RequirePermission permission="catalog:write"><ProductNewPage /></RequirePermission> },
              { path: '/catalogue/products/import', element: <RequirePermission permission="catalog:import"><CatalogueImportPage target="products" /></RequirePermission> },
              { path: '/catalogue/products/:id', element: <RequirePermission permission="catalog:read"><ProductDetailPage /></RequirePermission> },
              { path: '/catalogue/products/:id/edit', element: <RequirePermission permission="catalog:write"><ProductEditPage /></RequirePermission> },
              { path: '/catalogue/services', element: <RequirePermission permission="catalog:read"><ServicesListPage /></RequirePermission> },
              { path: '/catalogue/services/new', element: <RequirePermission permission="catalog:write"><ServiceNewPage /></RequirePermission> },
              { path: '/catalogue/services/import', element: <RequirePermission permission="catalog:import"><CatalogueImportPage target="services" /></RequirePermission> },
              { path: '/catalogue/services/:id', element: <RequirePermission permission="catalog:read"><ServiceDetailPage /></RequirePermission> },
              { path: '/catalogue/services/:id/edit', element: <RequirePermission permission="catalog:write"><ServiceEditPage /></RequirePermission> },
              { path: '/catalogue/resources', element: <RequirePermission permission="catalog:read"><ResourcesListPage /></RequirePermission> },
              { path: '/catalogue/resources/new', element: <RequirePermission permission="catalog:write"><ResourceNewPage /></RequirePermission> },
              { path: '/catalogue/resources/:id', element: <RequirePermission permission="catalog:read"><ResourceDetailPage /></RequirePermission> },
              { path: '/catalogue/resources/:id/edit', element: <RequirePermission permission="catalog:write"><ResourceEditPage /></RequirePermission> },
              { path: '/catalogue/price-lists', element: <RequirePermission permission="catalog:read"><PriceListsListPage /></RequirePermission> },
              { path: '/catalogue/price-lists/new', element: <RequirePermission permission="catalog:write"><PriceListNewPage /></RequirePermission> },
              { path: '/catalogue/price-lists/:id', element: <RequirePermission permission="catalog:read"><PriceListDetailPage /></RequirePermission> },
              { path: '/catalogue/price-lists/:id/edit', element: <RequirePermission permission="catalog:write"><PriceListEditPage /></RequirePermission> },
              { path: '/catalogue/price-lists/:id/import', element: <RequirePermission permission="catalog:import"><PriceListImportPage /></RequirePermission> },
              { path: '/catalogue/service-paths', element: <RequirePermission permission="catalog:read"><ServicePathsListPage /></RequirePermission> },
              { path: '/catalogue/service-paths/new', element: <RequirePermission permission="catalog:write"><ServicePathNewPage /></RequirePermission> },
              { path: '/catalogue/service-paths/:id', element: <RequirePermission permission="catalog:read"><ServicePathDetailPage /></RequirePermission> },
              { path: '/account', element: <AccountPage /> },
              { path: '/account/password', element: <ChangePasswordPage /> },
              { path: '/settings/company', element: <RequirePermission permission="company:read"><CompanySettingsPage /></RequirePermission> },
              { path: '/settings/users', element: <RequirePermission permission="users:read"><UsersPage /></RequirePermission> },
              { path: '/settings/asset-types', element: <RequirePermission permission={perm('assets:read')}><AssetTypesPage /></RequirePermission> },
              { path: '/settings/asset-types/new', element: <RequirePermission permission={perm('assets:configure')}><AssetTypeNewPage /></RequirePermission> },
              { path: '/settings/asset-types/:id', element: <RequirePermission permission={perm('assets:configure')}><AssetTypeEditPage /></RequirePermission> },
              { path: '/settings/order-statuses', element: <RequirePermission permission="orders:read"><OrderStatusesPage /></RequirePermission> },
              { path: '/settings/jobs', element: <RequirePermission permission={JOBS_READ}><JobsPage /></RequirePermission> },
              { path: '/settings/messaging', element: <RequirePermission permission="messaging:read"><MessagingSettingsPage /></RequirePermission> },
              { path: '/settings/messages', element: <RequirePermission permission="messaging:read"><MessagesPage /></RequirePermission> },
              { path: '/settings/invoicing', element: <RequirePermission permission="invoices:read"><InvoiceSettingsPage /></RequirePermission> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
