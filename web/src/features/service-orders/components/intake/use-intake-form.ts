// The intake form's state: who (an existing customer or a new one), what (one of the customer's assets
// or a new one with its type's custom fields), and the order itself. Client checks mirror the server's;
// server errors land on the right input, nested ones (newCustomer.*, newAsset.*, newAsset.custom.*) too.
import { useCallback, useState } from 'react';
import { ApiError } from '../../../../app/api-client.ts';
import type { FieldError } from '../../../../app/api-types.ts';
import type { Language } from '../../../../i18n/catalog-types.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { fieldErrorText } from '../../../../ui/api-error-text.ts';
import { generalErrorText, useFormState, type FieldErrors } from '../../../../ui/use-form-state.ts';
import type { AssetField, CustomValue } from '../../../assets/api/asset-shapes.ts';
import type { CustomFormValue } from '../../../assets/components/custom-field-input.tsx';
import { customerBody, customerFormValues, type CustomerFormValues } from '../../../customers/components/customer-form.tsx';
import type { NotifyChannel, OrderInput, OrderKind, Priority } from '../../api/order-shapes.ts';

export type Mode = 'existing' | 'new';

export type OrderFormValues = {
  customerId: string;
  customerName: string;
  assetId: string;
  assetLabel: string;
  kind: OrderKind;
  siteId: string;
  reportedProblem: string;
  accessories: string;
  condition: string;
  priority: Priority;
  promisedOn: string;
  contactId: string;
  notifyChannel: NotifyChannel;
  notifyTo: string;
  lang: Language;
  technicianId: string;
  servicePathId: string;
};

export type NewAssetValues = {
  assetTypeId: string;
  productId: string;
  productName: string;
  name: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
};

const orderDefaults = (prefill: { customerId?: string | null; assetId?: string | null }): OrderFormValues => ({
  customerId: prefill.customerId ?? '',
  customerName: '',
  assetId: prefill.assetId ?? '',
  assetLabel: '',
  kind: 'shop',
  siteId: '',
  reportedProblem: '',
  accessories: '',
  condition: '',
  priority: 'normal',
  promisedOn: '',
  contactId: '',
  notifyChannel: 'none',
  notifyTo: '',
  lang: 'pl',
  technicianId: '',
  servicePathId: '',
});

const assetDefaults = (): NewAssetValues => ({ assetTypeId: '', productId: '', productName: '', name: '', serialNumber: '', manufacturer: '', model: '' });

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** The custom values of the type's fields for the API, or the errors the server would give (as the asset form does). */
function customBody(fields: AssetField[], custom: Record<string, CustomFormValue>, t: Translate) {
  const values: Record<string, CustomValue> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = custom[f.key];
    if (f.kind === 'boolean') {
      values[f.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (f.required) errors[f.key] = t('common.required');
      continue;
    }
    if (f.kind === 'number') {
      const s = text.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
      if (!NUMBER.test(s)) errors[f.key] = t('assets.form.numberInvalid');
      else values[f.key] = Number(s.replace(',', '.'));
    } else if (f.kind === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[f.key] = t('assets.form.dateInvalid');
      else values[f.key] = text;
    } else values[f.key] = text;
  }
  return { values, errors };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function useIntakeForm(prefill: { customerId?: string | null; assetId?: string | null }) {
  const [customerMode, setCustomerModeState] = useState<Mode>('existing');
  const [assetMode, setAssetModeState] = useState<Mode>('existing');
  const order = useFormState<OrderFormValues>(() => orderDefaults(prefill));
  // most walk-in customers of a repair shop are private persons
  const customer = useFormState<CustomerFormValues>(() => ({ ...customerFormValues(), kind: 'individual' }));
  const asset = useFormState<NewAssetValues>(assetDefaults);
  const [custom, setCustom] = useState<Record<string, CustomFormValue>>({});
  const [customErrors, setCustomErrors] = useState<Record<string, string>>({});
  /** Fields the user typed into: prefills from the customer or contact no longer overwrite them. */
  const [touched, setTouched] = useState<Record<string, boolean>>({});

  const setCustomValue = useCallback((key: string, v: CustomFormValue) => {
    setCustom((c) => ({ ...c, [key]: v }));
    setCustomErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  }, []);
  const touch = useCallback((name: string) => setTouched((x) => (x[name] ? x : { ...x, [name]: true })), []);

  const setCustomerMode = (m: Mode) => {
    setCustomerModeState(m);
    // a new customer has no assets, sites or contacts yet
    if (m === 'new') {
      setAssetModeState('new');
      order.set('assetId', '');
      order.set('siteId', '');
      order.set('contactId', '');
    }
  };
  const setAssetMode = (m: Mode) => setAssetModeState(customerMode === 'new' ? 'new' : m);

  /** Client-side checks; the request body when they pass. */
  const validate = (t: Translate, fields: AssetField[], needsSite: boolean): OrderInput | null => {
    const v = order.values;
    const oe: FieldErrors<OrderFormValues> = {};
    const ce: FieldErrors<CustomerFormValues> = {};
    const ae: FieldErrors<NewAssetValues> = {};
    if (customerMode === 'existing' && !v.customerId) oe.customerId = t('orders.errors.orders.customer_required');
    if (customerMode === 'new' && !customer.values.name.trim()) ce.name = t('common.required');
    if (customerMode === 'new' && customer.values.email.trim() && !EMAIL.test(customer.values.email.trim())) ce.email = t('errors.validation.invalid_format');
    if (assetMode === 'existing' && !v.assetId && (customerMode === 'new' || v.customerId)) oe.assetId = t('orders.errors.orders.asset_required');
    if (assetMode === 'new') {
      if (!asset.values.assetTypeId) ae.assetTypeId = t('common.required');
      if (!asset.values.name.trim()) ae.name = t('common.required');
    }
    const c = assetMode === 'new' ? customBody(fields, custom, t) : { values: {}, errors: {} };
    if (!v.reportedProblem.trim()) oe.reportedProblem = t('common.required');
    if (v.kind === 'on_site' && needsSite && !v.siteId) oe.siteId = t('orders.errors.orders.site_required');
    if (v.notifyChannel === 'email' && v.notifyTo.trim() && !EMAIL.test(v.notifyTo.trim())) oe.notifyTo = t('errors.validation.invalid_format');
    if (v.promisedOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.promisedOn)) oe.promisedOn = t('assets.form.dateInvalid');
    const failed = Object.keys(oe).length + Object.keys(ce).length + Object.keys(ae).length + Object.keys(c.errors).length > 0;
    order.setErrors(oe, failed ? t('orders.intake.fixErrors') : null);
    customer.setErrors(ce);
    asset.setErrors(ae);
    setCustomErrors(c.errors);
    if (failed) return null;
    const a = asset.values;
    return {
      ...(customerMode === 'existing' ? { customerId: v.customerId } : { newCustomer: customerBody({ ...customer.values, name: customer.values.name.trim() }) }),
      ...(assetMode === 'existing'
        ? { assetId: v.assetId }
        : {
            newAsset: {
              assetTypeId: a.assetTypeId,
              productId: a.productId || null,
              name: a.name.trim(),
              serialNumber: a.serialNumber.trim(),
              manufacturer: a.manufacturer.trim(),
              model: a.model.trim(),
              purchaseDate: null,
              installationDate: null,
              specification: '',
              siteId: null,
              position: '',
              contactId: null,
              custom: c.values,
            },
          }),
      kind: v.kind,
      siteId: v.kind === 'on_site' && v.siteId ? v.siteId : null,
      reportedProblem: v.reportedProblem.trim(),
      accessories: v.accessories.trim(),
      condition: v.condition.trim(),
      priority: v.priority,
      promisedOn: v.promisedOn || null,
      contactId: customerMode === 'existing' && v.contactId ? v.contactId : null,
      notifyChannel: v.notifyChannel,
      notifyTo: v.notifyChannel === 'none' ? '' : v.notifyTo.trim(),
      lang: v.lang,
      technicianId: v.technicianId || null,
      servicePathId: v.servicePathId || null,
    };
  };

  /** Every server field error next to its input; what fits nowhere goes above the submit button. */
  const applyApiError = (error: unknown, t: Translate) => {
    const oe: FieldErrors<OrderFormValues> = {};
    const ce: FieldErrors<CustomerFormValues> = {};
    const ae: FieldErrors<NewAssetValues> = {};
    const cu: Record<string, string> = {};
    const rest: FieldError[] = [];
    const fes = error instanceof ApiError ? error.errors : [];
    for (const fe of fes) {
      const text = () => fieldErrorText(t, fe);
      const m = /^newAsset\.custom\.(.+)$/.exec(fe.path);
      if (m) {
        // the label is right above the input: no need to repeat the field's name
        const { name: _name, ...params } = fe.params ?? {};
        cu[m[1]!] ??= fieldErrorText(t, { ...fe, params });
      } else if (fe.path.startsWith('newCustomer.') && Object.hasOwn(customer.values, fe.path.slice(12))) {
        ce[fe.path.slice(12) as keyof CustomerFormValues] ??= text();
      } else if (fe.path.startsWith('newAsset.') && Object.hasOwn(asset.values, fe.path.slice(9))) {
        ae[fe.path.slice(9) as keyof NewAssetValues] ??= text();
      } else if (fe.path === 'newCustomer' || fe.path === 'customerId') {
        oe.customerId ??= text();
      } else if (fe.path === 'newAsset' || fe.path === 'assetId') {
        oe.assetId ??= text();
      } else if (Object.hasOwn(order.values, fe.path)) {
        oe[fe.path as keyof OrderFormValues] ??= text();
      } else rest.push(fe);
    }
    const landed = Object.keys(oe).length + Object.keys(ce).length + Object.keys(ae).length + Object.keys(cu).length > 0;
    order.setErrors(oe, generalErrorText(t, error, landed, rest) ?? (landed ? t('orders.intake.fixErrors') : null));
    customer.setErrors(ce);
    asset.setErrors(ae);
    setCustomErrors(cu);
  };

  return {
    customerMode,
    setCustomerMode,
    assetMode,
    setAssetMode,
    order,
    customer,
    asset,
    custom,
    setCustomValue,
    customErrors,
    touched,
    touch,
    validate,
    applyApiError,
  };
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
