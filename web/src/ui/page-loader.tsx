import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/i18n-context.tsx';

export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" data-testid="page-loader">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
