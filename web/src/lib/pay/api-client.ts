// The payment pages' calls to our own /api/v1 from the browser: one helper, so every step gets the
// API's validation and its localised `{ code, message }` errors (messages.ts) the same way.
import type { Locale } from '@voltpay/domain';
import { errorMessage } from '../api/messages';
import type { ApiErrorBody } from '../api/schemas';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiErrorBody };

/** `payments/<id>/account` → POST /api/v1/payments/<id>/account?lang=<locale>, JSON in and out. */
export const callPaymentApi = async <T>({
  path,
  locale,
  method = 'POST',
  body,
  signal,
}: {
  path: string;
  locale: Locale;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}): Promise<ApiResult<T>> => {
  try {
    const response = await fetch(`/api/v1/${path}?lang=${locale}`, {
      method,
      cache: 'no-store',
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) } : {}),
      ...(signal ? { signal } : {}),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    const error =
      json && typeof json === 'object' && typeof (json as ApiErrorBody).code === 'string'
        ? (json as ApiErrorBody)
        : { code: 'INTERNAL_ERROR', message: errorMessage({ code: 'INTERNAL_ERROR', locale }) };
    return { ok: false, status: response.status, error };
  } catch (error) {
    if (signal?.aborted) throw error;
    // No answer at all (offline, server restarting): worded like the API's own 503.
    return { ok: false, status: 0, error: { code: 'SERVICE_UNAVAILABLE', message: errorMessage({ code: 'SERVICE_UNAVAILABLE', locale }) } };
  }
};
