// Photos of a service order: list, upload (the raw image as the body, with progress), delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, withQuery } from '../../../app/api-client.ts';
import { orderKeys } from './orders-api.ts';

export type OrderPhoto = {
  id: string;
  orderId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  caption: string;
  uploadedByName: string | null;
  uploadedAt: string;
};

/** What the server accepts (decided there by the first bytes; this only filters the picker). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif';
const PHOTO_EXT = /\.(jpe?g|png|webp|heic|heif)$/i;
export const looksLikePhoto = (f: File) => /^image\/(jpeg|png|webp|heic|heif)$/.test(f.type) || PHOTO_EXT.test(f.name);

export const photoUrl = (id: string) => `/api/v1/service-order-photos/${id}/content`;

export function useOrderPhotos(orderId: string) {
  return useQuery({
    queryKey: orderKeys.part(orderId, 'photos'),
    queryFn: ({ signal }) => api<{ items: OrderPhoto[] }>(`/api/v1/service-orders/${orderId}/photos`, { signal }),
  });
}

export type PhotosProgress = { done: number; total: number; fraction: number };

/**
 * Uploads the files one after another (progress 0…1 over all of them). A failed file does not stop
 * the others: the answer lists what failed, with the error.
 */
export async function uploadOrderPhotos(orderId: string, files: File[], onProgress: (p: PhotosProgress) => void): Promise<{ uploaded: OrderPhoto[]; failed: { file: File; error: unknown }[] }> {
  const uploaded: OrderPhoto[] = [];
  const failed: { file: File; error: unknown }[] = [];
  const total = files.length;
  for (const [i, file] of files.entries()) {
    onProgress({ done: i, total, fraction: i / total });
    try {
      uploaded.push(
        await apiUpload<OrderPhoto>(withQuery(`/api/v1/service-orders/${orderId}/photos`, { fileName: file.name }), file, {
          onProgress: (f) => onProgress({ done: i, total, fraction: (i + f) / total }),
        }),
      );
    } catch (error) {
      failed.push({ file, error });
    }
  }
  onProgress({ done: total, total, fraction: 1 });
  return { uploaded, failed };
}

export function useUploadPhotos(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress }: { files: File[]; onProgress: (p: PhotosProgress) => void }) => uploadOrderPhotos(orderId, files, onProgress),
    onSettled: () => qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) }),
  });
}

export function useDeletePhoto(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/service-order-photos/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) }),
  });
}
