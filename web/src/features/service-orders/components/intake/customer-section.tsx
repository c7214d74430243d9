import { Anchor, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../../i18n/i18n-context.tsx';
import { formatNip } from '../../../../i18n/format.ts';
import { CustomerPicker } from '../../../assets/components/remote-pickers.tsx';
import type { CustomerDetail } from '../../../customers/api/customer-types.ts';
import { CustomerKindBadge } from '../../../customers/components/customer-kind-badge.tsx';
import { NipField } from '../../../customers/components/nip-field.tsx';
import type { IntakeForm, Mode } from './use-intake-form.ts';

/** Who brings the item: a customer found by search, or a new one typed in (created with the order). */
export function CustomerSection({ form, detail }: { form: IntakeForm; detail: CustomerDetail | undefined }) {
  const t = useT();
  const { order, customer } = form;
  const v = order.values;
  const c = customer.values;
  const label = v.customerName || detail?.name || '…';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="intake-customer-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id="intake-customer-title">
            {t('orders.intake.customerSection')}
          </Title>
          <SegmentedControl
            value={form.customerMode}
            onChange={(m) => form.setCustomerMode(m as Mode)}
            data={[
              { value: 'existing', label: t('orders.intake.existingCustomer') },
              { value: 'new', label: t('orders.intake.newCustomer') },
            ]}
            aria-label={t('orders.intake.customerSection')}
            data-testid="intake-customer-mode"
          />
        </Group>
        {form.customerMode === 'existing' ? (
          <Stack gap="xs">
            <CustomerPicker
              label={t('orders.fields.customer')}
              placeholder={t('orders.intake.customerPlaceholder')}
              value={v.customerId ? { id: v.customerId, label } : null}
              onChange={(picked) => {
                order.set('customerId', picked?.id ?? '');
                order.set('customerName', picked ? ('name' in picked ? picked.name : picked.label) : '');
                order.set('assetId', '');
                order.set('assetLabel', '');
                order.set('siteId', '');
                order.set('contactId', '');
              }}
              error={order.errors.customerId}
              required
              testId="intake-customer"
            />
            {detail && detail.id === v.customerId && <CustomerCard customer={detail} />}
          </Stack>
        ) : (
          <Stack gap="sm" data-testid="intake-new-customer">
            <Input.Wrapper label={t('customers.fields.kind')} error={customer.errors.kind}>
              <div>
                <SegmentedControl
                  value={c.kind}
                  onChange={(k) => customer.set('kind', k === 'individual' ? 'individual' : 'company')}
                  data={[
                    { value: 'individual', label: t('customers.kind.individual') },
                    { value: 'company', label: t('customers.kind.company') },
                  ]}
                  aria-label={t('customers.fields.kind')}
                  data-testid="intake-customer-kind"
                />
              </div>
            </Input.Wrapper>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('customers.fields.name')} required {...customer.text('name')} style={{ gridColumn: c.kind === 'company' ? 'span 2' : 'span 3' }} data-testid="intake-customer-name" />
              {c.kind === 'company' && <NipField label={t('customers.fields.nip')} value={c.nip} onChange={(x) => customer.set('nip', x)} error={customer.errors.nip} />}
              <TextInput label={t('customers.fields.phone')} type="tel" autoComplete="off" {...customer.text('phone')} data-testid="intake-customer-phone" />
              <TextInput label={t('customers.fields.email')} type="email" autoComplete="off" {...customer.text('email')} data-testid="intake-customer-email" />
              <div />
              <TextInput label={t('customers.fields.street')} {...customer.text('street')} data-testid="intake-customer-street" />
              <TextInput label={t('customers.fields.postalCode')} placeholder="00-950" {...customer.text('postalCode')} data-testid="intake-customer-postal" />
              <TextInput label={t('customers.fields.city')} {...customer.text('city')} data-testid="intake-customer-city" />
            </SimpleGrid>
            {(customer.errors.country || customer.errors.regon || customer.errors.pesel) && (
              <Text size="sm" c="red">
                {[customer.errors.country, customer.errors.regon, customer.errors.pesel].filter(Boolean).join(' ')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The chosen customer at a glance: how to reach them, where they are. */
function CustomerCard({ customer: c }: { customer: CustomerDetail }) {
  const t = useT();
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm" data-testid="intake-customer-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{c.name}</Text>
            <CustomerKindBadge kind={c.kind} />
          </Group>
          <Text size="sm" c="dimmed">
            {[c.nip ? `${t('customers.fields.nip')} ${formatNip(c.nip)}` : '', c.phone, c.email, address].filter(Boolean).join(' · ') || t('common.empty')}
          </Text>
        </Stack>
        <Anchor component={Link} to={`/customers/${c.id}`} target="_blank" size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Group gap={4} wrap="nowrap">
            {t('orders.intake.openCustomer')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
    </Paper>
  );
}
