// Opens a generated PDF (labels) in a new tab, or says why it could not be made. The tab is opened
// at the click (browsers block pop-ups opened later) and pointed at the file once it has arrived.
import { ApiError, networkError } from '../../../app/api-client.ts';
import type { FieldError } from '../../../app/api-types.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText, fieldErrorText } from '../../../ui/api-error-text.ts';

async function problemOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Record<string, unknown>;
    const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    return new ApiError(res.status, typeof body.code === 'string' ? body.code : `http_${res.status}`, typeof body.detail === 'string' ? body.detail : res.statusText, errors, body);
  } catch {
    return new ApiError(res.status, `http_${res.status}`, res.statusText);
  }
}

/** Resolves to null when the PDF is shown, or to the translated reason it is not. */
export async function openPdf(url: string, t: Translate): Promise<string | null> {
  const tab = window.open('', '_blank');
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw await problemOf(res);
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    if (tab) tab.location.href = href;
    else window.location.href = href;
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return null;
  } catch (e) {
    tab?.close();
    const error = e instanceof ApiError ? e : networkError(e);
    const first = error.errors[0];
    return first ? fieldErrorText(t, first) : apiErrorText(t, error);
  }
}
