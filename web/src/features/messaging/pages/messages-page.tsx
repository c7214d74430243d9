import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { IconSettings, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';
import { CHANNELS, MESSAGE_FILTER_DEFAULTS, MESSAGE_FILTER_VALUES, MESSAGE_STATUSES, type Channel, type MessageStatus } from '../api/messaging-api.ts';
import { MessagesTable } from '../components/messages-table.tsx';

/**
 * /settings/messages: the delivery log. Filters live in the URL; other pages may link here for one
 * record: /settings/messages?relatedType=service_order&relatedId=<id>.
 */
export function MessagesPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(MESSAGE_FILTER_DEFAULTS, MESSAGE_FILTER_VALUES);
  const narrowed = filtersNarrow(filters, MESSAGE_FILTER_DEFAULTS);
  const relatedLabel = filters.relatedType ? (t.opt(`messaging.log.relatedTypes.${filters.relatedType}`) ?? filters.relatedType) : null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('messaging.log.title')}
        subtitle={t('messaging.log.intro')}
        actions={
          <Button component={Link} to="/settings/messaging" variant="light" leftSection={<IconSettings size={16} />}>
            {t('messaging.log.settingsLink')}
          </Button>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('messaging.log.channel')}
          value={filters.channel}
          onChange={(e) => setFilters({ channel: e.currentTarget.value as '' | Channel })}
          data={[{ value: '', label: t('messaging.log.allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: t(`messaging.channels.${c}`) }))]}
          data-testid="messages-filter-channel"
        />
        <NativeSelect
          label={t('messaging.log.status')}
          value={filters.status}
          onChange={(e) => setFilters({ status: e.currentTarget.value as '' | MessageStatus })}
          data={[{ value: '', label: t('messaging.log.allStatuses') }, ...MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`messaging.statuses.${s}`) }))]}
          data-testid="messages-filter-status"
        />
        {relatedLabel && (
          <Button variant="default" rightSection={<IconX size={14} />} onClick={() => setFilters({ relatedType: '', relatedId: '' })} data-testid="messages-related-filter">
            {t('messaging.log.relatedFilter', { type: relatedLabel })}
          </Button>
        )}
      </Group>
      <MessagesTable filters={filters} narrowed={narrowed} emptyActions={<ClearFiltersButton onClear={() => setFilters({ ...MESSAGE_FILTER_DEFAULTS })} />} />
    </Stack>
  );
}
