import { AssetList } from './asset-list.tsx';

/** The "Urządzenia" tab of a customer's page: that customer's assets, "add" prefilled with them. */
export function CustomerAssetsTab({ customerId }: { customerId: string }) {
  return <AssetList customerId={customerId} />;
}
