import { OrderList } from './order-list.tsx';

/** The "Zlecenia" tab of a customer's page: that customer's orders, "new" prefilled with them. */
export function CustomerOrdersTab({ customerId }: { customerId: string }) {
  return <OrderList pin={{ customerId }} />;
}

/** The "Zlecenia" tab of an asset's page: the asset's service history as orders, "new" prefilled. */
export function AssetOrdersTab({ assetId, customerId }: { assetId: string; customerId: string }) {
  return <OrderList pin={{ assetId, customerOfAsset: customerId }} />;
}
