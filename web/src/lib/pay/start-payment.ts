'use server';
// "Я согласен": starts the payment's workflow (terms version + the server's time) and sends the
// browser to the payment's own URL, replacing the terms page in history (303 without JavaScript),
// so going back never re-submits the consent and a reload resumes the same payment.
import { CURRENT_TERMS_VERSION, type PaymentSettings } from '@voltpay/workflows/payment';
import { headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { toApiError, toErrorBody } from '../api/errors';
import { startPayment, testSettingsAllowed } from '../api/payments';
import { clientAddressOf } from '../api/rate-limit';
import { StartPaymentRequest } from '../api/schemas';
import { log } from '../log';

export type StartPaymentFormState = { error: string | null };

/**
 * Short timers for browser tests (`/pay?testSettings={"acquirerWaitTimeoutMs":5000}`), honoured
 * only on a stack started with VOLTPAY_ALLOW_TEST_SETTINGS=1, validated by the API's own schema.
 */
export const readTestSettings = async (raw: unknown): Promise<Partial<PaymentSettings> | undefined> => {
  if (!testSettingsAllowed() || typeof raw !== 'string' || raw.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = StartPaymentRequest.shape.settings.safeParse(json);
  return parsed.success ? parsed.data : undefined;
};

export const startPaymentAction = async (_previous: StartPaymentFormState, formData: FormData): Promise<StartPaymentFormState> => {
  const locale = await getLocale();
  // Consent counts only for the terms shown now: a tab left open over a change shows them again.
  if (formData.get('termsVersion') !== CURRENT_TERMS_VERSION) redirect('/pay?outdated=1', RedirectType.replace);
  const settings = await readTestSettings(formData.get('testSettings'));
  let paymentId: string;
  try {
    ({ paymentId } = await startPayment({
      termsVersion: CURRENT_TERMS_VERSION,
      locale,
      clientAddress: clientAddressOf(await headers()),
      ...(settings ? { settings } : {}),
    }));
  } catch (thrown) {
    const error = toApiError(thrown);
    log.warn({ code: error.code, status: error.status }, 'payment start failed');
    return { error: toErrorBody({ error, locale }).message };
  }
  redirect(`/pay/${paymentId}`, RedirectType.replace);
};
