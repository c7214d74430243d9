// Catalogue and asset file imports: upload (with progress) → preview with a column mapping → commit.
// POST /api/v1/imports/{target}/uploads, /imports/uploads/{id}/preview, /imports/uploads/{id}/commit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../../../app/api-client.ts';
import type { FieldError } from '../../../app/api-types.ts';

export const IMPORT_TARGETS = ['parts', 'products', 'services', 'price_list_items', 'assets'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The fields each target knows (for the help text before a file is chosen; the server's list wins after). */
export const TARGET_FIELDS: Record<ImportTarget, { key: string; required: boolean }[]> = {
  parts: [
    { key: 'code', required: true },
    { key: 'name', required: true },
    { key: 'unit', required: false },
    { key: 'manufacturerPartNumber', required: false },
    { key: 'ean', required: false },
    { key: 'purchasePrice', required: false },
    { key: 'salePrice', required: false },
    { key: 'vatRate', required: false },
    { key: 'minStock', required: false },
    { key: 'description', required: false },
  ],
  products: [
    { key: 'code', required: true },
    { key: 'name', required: true },
    { key: 'manufacturer', required: false },
    { key: 'model', required: false },
    { key: 'category', required: false },
    { key: 'warrantyMonths', required: false },
    { key: 'description', required: false },
  ],
  services: [
    { key: 'code', required: true },
    { key: 'name', required: true },
    { key: 'unit', required: true },
    { key: 'price', required: true },
    { key: 'vatRate', required: false },
    { key: 'billingIncrementMinutes', required: false },
    { key: 'description', required: false },
  ],
  price_list_items: [
    { key: 'itemType', required: true },
    { key: 'code', required: true },
    { key: 'price', required: false },
    { key: 'percent', required: false },
  ],
  // Plus the chosen asset type's custom fields (custom.<key>, labelled by the type).
  assets: [
    { key: 'customer', required: true },
    { key: 'name', required: true },
    { key: 'serialNumber', required: false },
    { key: 'manufacturer', required: false },
    { key: 'model', required: false },
    { key: 'productCode', required: false },
    { key: 'purchaseDate', required: false },
    { key: 'installationDate', required: false },
    { key: 'site', required: false },
    { key: 'position', required: false },
    { key: 'specification', required: false },
  ],
};

/** A field the file's columns can fill; `label` is a custom field's own name (keys custom.<key>). */
export type ImportField = { key: string; required: boolean; label?: string };

/** What the server accepts (about 20 MB of file; base64 makes it a third larger). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED = /\.(csv|xlsx)$/i;

export type Mapping = Record<string, string | null>;
export type Upload = {
  uploadId: string;
  fileName: string;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  fields: ImportField[];
  suggestedMapping: Mapping;
  mappingSource: 'saved' | 'guessed';
};
export type PreviewRow = { row: number; values: Record<string, string>; errors: FieldError[] };
export type Preview = { totalRows: number; validRows: number; invalidRows: number; rows: PreviewRow[] };

/** The file as base64 (without the data: URL prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function uploadImportFile(target: ImportTarget, body: { fileName: string; contentBase64: string; priceListId?: string; assetTypeId?: string }, onProgress: (f: number) => void, signal?: AbortSignal) {
  return apiUpload<Upload>(`/api/v1/imports/${target}/uploads`, body, { onProgress, ...(signal ? { signal } : {}) });
}

export function useImportPreview() {
  return useMutation({
    mutationFn: ({ uploadId, mapping }: { uploadId: string; mapping: Mapping }) =>
      api<Preview>(`/api/v1/imports/uploads/${uploadId}/preview`, { method: 'POST', body: { mapping } }),
  });
}

/** Query-key roots a finished import changes. */
const AFFECTS: Record<ImportTarget, string[]> = { parts: ['parts'], products: ['products'], services: ['services'], price_list_items: ['price-lists'], assets: ['assets'] };

export function useImportCommit(target: ImportTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ uploadId, mapping }: { uploadId: string; mapping: Mapping }) =>
      api<{ created: number }>(`/api/v1/imports/uploads/${uploadId}/commit`, { method: 'POST', body: { mapping } }),
    onSuccess: () => {
      for (const key of AFFECTS[target]) void qc.invalidateQueries({ queryKey: [key] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      void qc.invalidateQueries({ queryKey: ['setup', 'guide'] });
    },
  });
}

export function discardUpload(uploadId: string) {
  return api<void>(`/api/v1/imports/uploads/${uploadId}`, { method: 'DELETE' }).catch(() => undefined);
}
