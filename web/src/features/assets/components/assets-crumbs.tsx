import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';

/** Urządzenia klientów › <current>. */
export function AssetsCrumbs({ current, to }: { current?: string | undefined; to?: { href: string; label: string } }) {
  const t = useT();
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/assets" size="sm">
        {t('assets.list.title')}
      </Anchor>
      {to && (
        <Anchor component={Link} to={to.href} size="sm">
          {to.label}
        </Anchor>
      )}
      {current && <span>{current}</span>}
    </Breadcrumbs>
  );
}
