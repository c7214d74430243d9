// Service-order shapes (mirrors server/modules/service-orders/service-orders.schemas.ts, the API contract).
import type { Language } from '../../../i18n/catalog-types.ts';
import type { CustomerInput } from '../../customers/api/customer-types.ts';
import type { AssetInput } from '../../assets/api/asset-shapes.ts';

export const PHASES = ['new', 'diagnosis', 'awaiting_approval', 'in_repair', 'external_service', 'ready_for_release', 'released', 'cancelled'] as const;
export type Phase = (typeof PHASES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const NOTIFY_CHANNELS = ['email', 'sms', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export type OrderKind = 'shop' | 'on_site';

export const STATUS_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
export type StatusColor = (typeof STATUS_COLORS)[number];

export type OrderStatus = {
  id: string;
  phase: Phase;
  namePl: string;
  nameEn: string;
  position: number;
  color: string;
  notifyEmail: boolean;
  notifySms: boolean;
  isDefault: boolean;
  archived: boolean;
};
export type StatusInput = { phase: Phase; namePl: string; nameEn: string; color: StatusColor; notifyEmail: boolean; notifySms: boolean };
export type StatusPatch = Partial<Omit<StatusInput, 'phase'>>;

export type OrderInput = {
  customerId?: string;
  newCustomer?: CustomerInput;
  assetId?: string;
  newAsset?: Omit<AssetInput, 'customerId'>;
  kind: OrderKind;
  siteId: string | null;
  reportedProblem: string;
  accessories: string;
  condition: string;
  priority: Priority;
  promisedOn: string | null;
  contactId: string | null;
  notifyChannel: NotifyChannel;
  notifyTo: string;
  lang?: Language;
  technicianId: string | null;
  servicePathId: string | null;
};

export type OrderPatch = Partial<{
  reportedProblem: string;
  accessories: string;
  condition: string;
  priority: Priority;
  promisedOn: string | null;
  contactId: string | null;
  notifyChannel: NotifyChannel;
  notifyTo: string;
  technicianId: string | null;
}>;

export type OrderSummary = {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  assetId: string;
  assetName: string;
  serialNumber: string;
  kind: OrderKind;
  statusId: string;
  phase: Phase;
  priority: Priority;
  promisedOn: string | null;
  technicianId: string | null;
  technicianName: string | null;
  receivedAt: string;
  createdAt: string;
};

export type RateTotal = { vatRateCode: string; netMinor: number; vatMinor: number; grossMinor: number };
export type Totals = { rates: RateTotal[]; netMinor: number; vatMinor: number; grossMinor: number };

export type Order = OrderSummary & {
  siteId: string | null;
  siteName: string | null;
  reportedProblem: string;
  accessories: string;
  condition: string;
  contactId: string | null;
  contactName: string | null;
  notifyChannel: NotifyChannel;
  notifyTo: string;
  lang: Language;
  priceListId: string | null;
  servicePathId: string | null;
  readyAt: string | null;
  releasedAt: string | null;
  releasedTo: string | null;
  allowedPhases: Phase[];
  trackingUrl: string | null;
  totals: Totals;
  updatedAt: string;
};

export type OrderEvent = { id: string; at: string; kind: string; data: Record<string, unknown>; public: boolean; actorName: string };

export type OrderSort = '-created' | 'created' | 'promised';

/** The list's filters as they live in the URL ('' = not set). */
export type OrderFilters = {
  q: string;
  statusId: string;
  /** A phase, 'open' (neither released nor cancelled) or 'all'. */
  phase: string;
  technicianId: string;
  from: string;
  to: string;
  sort: OrderSort;
  customerId: string;
  assetId: string;
};
