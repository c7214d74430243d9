import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';

/** Katalog › <list> › <current>. */
export function CatalogueCrumbs({ list, current }: { list: { to: string; label: string }; current?: string }) {
  const t = useT();
  return (
    <Breadcrumbs>
      <span>{t('nav.catalogue')}</span>
      <Anchor component={Link} to={list.to} size="sm">
        {list.label}
      </Anchor>
      {current && <span>{current}</span>}
    </Breadcrumbs>
  );
}
