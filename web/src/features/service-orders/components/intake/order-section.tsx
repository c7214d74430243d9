import { Input, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useT } from '../../../../i18n/i18n-context.tsx';
import type { CustomerDetail } from '../../../customers/api/customer-types.ts';
import type { ServicePath } from '../../../service-paths/api/service-paths-api.ts';
import { NOTIFY_CHANNELS, PRIORITIES, type NotifyChannel, type OrderKind, type Priority } from '../../api/order-shapes.ts';
import type { Staff } from '../../api/staff-api.ts';
import { channelLabel, kindLabel, priorityLabel } from '../order-text.ts';
import { TechnicianSelect } from '../technician-select.tsx';
import type { IntakeForm } from './use-intake-form.ts';

type Props = {
  form: IntakeForm;
  detail: CustomerDetail | undefined;
  staff: Staff;
  paths: ServicePath[];
};

/** The order itself: where, what is wrong, what came with it, how urgent, whom to tell, who does it. */
export function OrderSection({ form, detail, staff, paths }: Props) {
  const t = useT();
  const { order } = form;
  const v = order.values;
  const newCustomer = form.customerMode === 'new';
  const sites = newCustomer ? [] : (detail?.sites ?? []).filter((s) => !s.archived);
  const contacts = newCustomer ? [] : (detail?.contacts ?? []).filter((c) => !c.archived);
  const sitePlaceholder = newCustomer ? t('orders.intake.siteNewCustomer') : !v.customerId ? t('assets.form.chooseCustomerFirst') : sites.length === 0 ? t('orders.intake.noSites') : t('orders.intake.sitePlaceholder');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="intake-order-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="intake-order-title">
          {t('orders.intake.orderSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Input.Wrapper label={t('orders.fields.kind')}>
            <div>
              <SegmentedControl
                value={v.kind}
                onChange={(k) => order.set('kind', k as OrderKind)}
                data={(['shop', 'on_site'] as const).map((k) => ({ value: k, label: kindLabel(t, k) }))}
                aria-label={t('orders.fields.kind')}
                data-testid="intake-kind"
              />
            </div>
          </Input.Wrapper>
          {v.kind === 'on_site' ? (
            <Select
              label={t('orders.fields.site')}
              placeholder={sitePlaceholder}
              required={!newCustomer}
              disabled={newCustomer || sites.length === 0}
              data={sites.map((s) => ({ value: s.id, label: [s.name, [s.street, s.city].filter(Boolean).join(', ')].filter(Boolean).join(' — ') }))}
              value={v.siteId || null}
              onChange={(id) => order.set('siteId', id ?? '')}
              error={order.errors.siteId}
              data-testid="intake-site"
              style={{ gridColumn: 'span 2' }}
            />
          ) : (
            <div style={{ gridColumn: 'span 2' }} />
          )}
        </SimpleGrid>
        <Textarea
          label={t('orders.fields.reportedProblem')}
          placeholder={t('orders.intake.problemPlaceholder')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          {...order.text('reportedProblem')}
          data-testid="intake-problem"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('orders.fields.accessories')} placeholder={t('orders.intake.accessoriesPlaceholder')} autosize minRows={1} maxLength={1000} {...order.text('accessories')} data-testid="intake-accessories" />
          <Textarea label={t('orders.fields.condition')} placeholder={t('orders.intake.conditionPlaceholder')} autosize minRows={1} maxLength={2000} {...order.text('condition')} data-testid="intake-condition" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Input.Wrapper label={t('orders.fields.priority')}>
            <div>
              <SegmentedControl
                value={v.priority}
                onChange={(p) => order.set('priority', p as Priority)}
                data={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
                aria-label={t('orders.fields.priority')}
                data-testid="intake-priority"
              />
            </div>
          </Input.Wrapper>
          <TextInput label={t('orders.fields.promisedOn')} type="date" {...order.text('promisedOn')} data-testid="intake-promised" />
          <TechnicianSelect
            label={t('orders.fields.technician')}
            placeholder={t('orders.intake.technicianPlaceholder')}
            staff={staff}
            value={v.technicianId}
            onChange={(id) => order.set('technicianId', id)}
            error={order.errors.technicianId}
            testId="intake-technician"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('orders.fields.contact')}
            placeholder={newCustomer ? t('orders.intake.contactNewCustomer') : !v.customerId ? t('assets.form.chooseCustomerFirst') : contacts.length === 0 ? t('assets.form.noContacts') : t('orders.intake.contactPlaceholder')}
            disabled={newCustomer || contacts.length === 0}
            clearable
            data={contacts.map((c) => ({ value: c.id, label: [c.name, c.role].filter(Boolean).join(' — ') }))}
            value={v.contactId || null}
            onChange={(id) => order.set('contactId', id ?? '')}
            error={order.errors.contactId}
            data-testid="intake-contact"
          />
          <Input.Wrapper label={t('orders.fields.notifyChannel')}>
            <div>
              <SegmentedControl
                value={v.notifyChannel}
                onChange={(c) => {
                  form.touch('notifyChannel');
                  order.set('notifyChannel', c as NotifyChannel);
                }}
                data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
                aria-label={t('orders.fields.notifyChannel')}
                data-testid="intake-notify-channel"
              />
            </div>
          </Input.Wrapper>
          {v.notifyChannel !== 'none' ? (
            <TextInput
              label={t('orders.fields.notifyTo')}
              placeholder={v.notifyChannel === 'email' ? t('orders.intake.notifyToEmailPlaceholder') : t('orders.intake.notifyToSmsPlaceholder')}
              type={v.notifyChannel === 'email' ? 'email' : 'tel'}
              autoComplete="off"
              value={v.notifyTo}
              onChange={(e) => {
                form.touch('notifyTo');
                order.set('notifyTo', e.currentTarget.value);
              }}
              error={order.errors.notifyTo}
              data-testid="intake-notify-to"
            />
          ) : (
            <div />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Input.Wrapper label={t('orders.fields.lang')} description={t('orders.intake.langHint')}>
            <div>
              <SegmentedControl
                value={v.lang}
                onChange={(l) => {
                  form.touch('lang');
                  order.set('lang', l === 'en' ? 'en' : 'pl');
                }}
                data={[
                  { value: 'pl', label: t('languages.pl') },
                  { value: 'en', label: t('languages.en') },
                ]}
                aria-label={t('orders.fields.lang')}
                mt={4}
                data-testid="intake-lang"
              />
            </div>
          </Input.Wrapper>
          <Select
            label={t('orders.fields.servicePath')}
            description={t('orders.intake.pathHint')}
            placeholder={t('orders.intake.pathPlaceholder')}
            clearable
            searchable
            data={paths.map((p) => ({ value: p.id, label: p.name }))}
            value={v.servicePathId || null}
            onChange={(id) => order.set('servicePathId', id ?? '')}
            error={order.errors.servicePathId}
            nothingFoundMessage={t('assets.form.nothingFound')}
            data-testid="intake-path"
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
