import { Anchor, Breadcrumbs, Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useAssetTypes } from '../../assets/api/asset-types-api.ts';
import { useTypeFields } from '../../assets/components/asset-form.tsx';
import { useAssetIfAny, useCustomerDetail, useServicePathOptions } from '../api/lookups-api.ts';
import { orderKeys, useCreateOrder } from '../api/orders-api.ts';
import { uploadOrderPhotos, type PhotosProgress } from '../api/photos-api.ts';
import { useStaff } from '../api/staff-api.ts';
import { AssetSection } from '../components/intake/asset-section.tsx';
import { CustomerSection } from '../components/intake/customer-section.tsx';
import { OrderSection } from '../components/intake/order-section.tsx';
import { IntakePhotos, reportPhotoUpload } from '../components/order-photos.tsx';
import { useIntakeForm, type IntakeForm } from '../components/intake/use-intake-form.ts';

/** Where the created order's page finds its one-time tracking link (router state, never the URL). */
export type CreatedOrderState = { trackingUrl?: string | null; created?: boolean };

/** /orders/new, optionally ?customerId=…&assetId=… (from a customer's or an asset's page). */
export function OrderNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefillCustomer = params.get('customerId');
  const prefillAsset = params.get('assetId');
  const form = useIntakeForm({ customerId: prefillCustomer, assetId: prefillAsset });
  const create = useCreateOrder();
  const staff = useStaff();
  const paths = useServicePathOptions();
  const types = useAssetTypes('active');
  const type = useTypeFields(form.asset.values.assetTypeId, types.data?.items);
  const v = form.order.values;
  const detail = useCustomerDetail(form.customerMode === 'existing' ? v.customerId : '');
  const customer = detail.data?.id === v.customerId ? detail.data : undefined;
  useAssetPrefill(form, prefillAsset, prefillCustomer);
  useNotifyPrefill(form, customer);
  const formRef = useRef<HTMLFormElement>(null);
  const qc = useQueryClient();
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoProgress, setPhotoProgress] = useState<PhotosProgress | null>(null);

  const focusFirstError = () =>
    setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input');
      el?.scrollIntoView({ block: 'center' });
      // a searchable select opens its dropdown on focus and would cover its own message
      if (el && !el.hasAttribute('aria-haspopup')) el.focus({ preventScroll: true });
    }, 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (photoProgress) return; // the order exists; its photos are being uploaded
    const needsSite = form.customerMode === 'existing';
    const body = form.validate(t, type?.fields ?? [], needsSite);
    if (!body) return focusFirstError();
    create.mutate(body, {
      onSuccess: async (o) => {
        notifySuccess(t('orders.intake.created', { number: o.number }));
        // The order exists: its photos go up now (a failed one is reported; it can be added on the order page).
        if (photos.length) {
          setPhotoProgress({ done: 0, total: photos.length, fraction: 0 });
          const result = await uploadOrderPhotos(o.id, photos, setPhotoProgress);
          reportPhotoUpload(t, result);
          void qc.invalidateQueries({ queryKey: orderKeys.detail(o.id) });
        }
        void navigate(`/orders/${o.id}`, { state: { trackingUrl: o.trackingUrl, created: true } satisfies CreatedOrderState });
      },
      onError: (error) => {
        form.applyApiError(error, t);
        focusFirstError();
      },
    });
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/orders" size="sm">
          {t('orders.list.title')}
        </Anchor>
        <span>{t('orders.intake.title')}</span>
      </Breadcrumbs>
      <PageHeader title={t('orders.intake.title')} subtitle={t('orders.intake.intro')} />
      <form ref={formRef} onSubmit={submit} noValidate data-testid="intake-form">
        <Stack gap="md">
          <CustomerSection form={form} detail={customer} />
          <AssetSection form={form} types={types.data?.items ?? []} type={form.assetMode === 'new' ? type : null} />
          <OrderSection form={form} detail={customer} staff={staff} paths={paths.data ?? []} />
          <IntakePhotos files={photos} onChange={setPhotos} progress={photoProgress} />
          <FormAlert message={form.order.general} />
          <Group justify="flex-end">
            <Button component={Link} to={prefillCustomer ? `/customers/${prefillCustomer}?tab=orders` : '/orders'} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || photoProgress !== null} data-testid="intake-submit">
              {t('orders.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** ?assetId=… alone: the asset's customer is the order's customer; the label comes from the asset. */
function useAssetPrefill(form: IntakeForm, assetId: string | null, customerId: string | null) {
  const data = useAssetIfAny(assetId).data;
  const { order } = form;
  useEffect(() => {
    if (!data || order.values.assetId !== data.id) return;
    if (!order.values.assetLabel) order.set('assetLabel', data.serialNumber ? `${data.name} · ${data.serialNumber}` : data.name);
    if (!customerId && !order.values.customerId) {
      order.set('customerId', data.customerId);
      order.set('customerName', data.customerName);
    }
  }, [data]);
}

/**
 * The notification channel, address and language follow the customer and the chosen contact until
 * the user sets them: e-mail when there is an address, else SMS when there is a phone, else none.
 */
function useNotifyPrefill(form: IntakeForm, customer: ReturnType<typeof useCustomerDetail>['data']) {
  const { order, touched } = form;
  const v = order.values;
  const nc = form.customer.values;
  const isNew = form.customerMode === 'new';
  const contact = isNew ? undefined : customer?.contacts.find((c) => c.id === v.contactId);
  const email = isNew ? nc.email.trim() : contact?.email || customer?.email || '';
  const phone = isNew ? nc.phone.trim() : contact?.phone || customer?.phone || '';
  const channel = v.notifyChannel;
  useEffect(() => {
    if (touched.notifyChannel) return;
    const next = email ? 'email' : phone ? 'sms' : 'none';
    if (next !== channel) order.set('notifyChannel', next);
  }, [email, phone, touched.notifyChannel]);
  useEffect(() => {
    if (touched.notifyTo) return;
    const next = channel === 'email' ? email : channel === 'sms' ? phone : '';
    if (next !== v.notifyTo) order.set('notifyTo', next);
  }, [channel, email, phone, touched.notifyTo]);
  useEffect(() => {
    if (touched.lang) return;
    const next = contact?.language === 'en' ? 'en' : 'pl';
    if (next !== v.lang) order.set('lang', next);
  }, [contact?.language, touched.lang]);
}
