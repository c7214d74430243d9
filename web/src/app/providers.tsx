import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { ApiError, setApiHandlers } from './api-client.ts';
import { sessionKeys } from './session.ts';
import { theme } from './theme.ts';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx will not get better by asking again
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  useEffect(() => {
    setApiHandlers({
      // the session is gone: the auth guard sends the user to sign-in
      onUnauthorized: () => queryClient.setQueryData(sessionKeys.session, null),
      // a temporary password: the guard sends the user to change it
      onPasswordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.session }),
    });
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <I18nProvider>
          <Notifications position="bottom-right" zIndex={1000} />
          {children}
        </I18nProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
