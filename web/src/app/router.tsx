// Every screen of the staff app. The server answers unknown non-API paths with index.html.
import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/pages/account-page.tsx';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page.tsx';
import { SignInPage } from '../features/auth/pages/sign-in-page.tsx';
import { CompanySettingsPage } from '../features/company/pages/company-settings-page.tsx';
import { CustomerDetailPage } from '../features/customers/pages/customer-detail-page.tsx';
import { CustomerEditPage } from '../features/customers/pages/customer-edit-page.tsx';
import { CustomerNewPage } from '../features/customers/pages/customer-new-page.tsx';
import { CustomersImportPage } from '../features/customers/pages/customers-import-page.tsx';
import { CustomersListPage } from '../features/customers/pages/customers-list-page.tsx';
import { GuidePage } from '../features/setup/pages/guide-page.tsx';
import { SetupPage } from '../features/setup/pages/setup-page.tsx';
import { UsersPage } from '../features/users/pages/users-page.tsx';
import { AuthGuard, RequirePermission } from './auth-guard.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { SetupGate } from './setup-gate.tsx';
import { StaffLayout } from './staff-layout.tsx';

export const router = createBrowserRouter([
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
              { path: '/', element: <RequirePermission permission="setup:read"><GuidePage /></RequirePermission> },
              { path: '/customers', element: <RequirePermission permission="customers:read"><CustomersListPage /></RequirePermission> },
              { path: '/customers/new', element: <RequirePermission permission="customers:write"><CustomerNewPage /></RequirePermission> },
              { path: '/customers/import', element: <RequirePermission permission="customers:import"><CustomersImportPage /></RequirePermission> },
              { path: '/customers/:id', element: <RequirePermission permission="customers:read"><CustomerDetailPage /></RequirePermission> },
              { path: '/customers/:id/edit', element: <RequirePermission permission="customers:write"><CustomerEditPage /></RequirePermission> },
              { path: '/account', element: <AccountPage /> },
              { path: '/account/password', element: <ChangePasswordPage /> },
              { path: '/settings/company', element: <RequirePermission permission="company:read"><CompanySettingsPage /></RequirePermission> },
              { path: '/settings/users', element: <RequirePermission permission="users:read"><UsersPage /></RequirePermission> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
