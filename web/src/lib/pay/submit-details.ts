// "Далее" on the details page: the workflow's updates are the truth, sent in an order the workflow
// always accepts when the browser's own quote was fine (each update is checked against the state
// the previous ones left): first drop lines, then electricity, then add lines, then the email.
import type { ElectricityInput, LineOptions, Locale, MeterZone } from '@voltpay/domain';
import { callPaymentApi } from './api-client';
import { fieldOfApiError } from './error-fields';

export type SubmitFailure = { ok: false; code: string; message: string; field: string | null; options: LineOptions };
export type SubmitOutcome = { ok: true; options: LineOptions } | SubmitFailure;

const sameOptions = (a: LineOptions, b: LineOptions) => a.commonArea === b.commonArea && a.penalty === b.penalty && a.debt === b.debt;

export const submitDetails = async ({
  paymentId,
  locale,
  zones,
  electricity,
  serverOptions,
  wantedOptions,
  serverEmail,
  email,
}: {
  paymentId: string;
  locale: Locale;
  zones: readonly MeterZone[];
  electricity: ElectricityInput;
  /** The line options the workflow holds now. */
  serverOptions: LineOptions;
  wantedOptions: LineOptions;
  serverEmail: string | null;
  email: string | null;
}): Promise<SubmitOutcome> => {
  let options = serverOptions;
  const step = async (path: string, body: unknown, fieldFor?: (field: string | null) => string | null): Promise<SubmitFailure | null> => {
    const result = await callPaymentApi<unknown>({ path: `payments/${paymentId}/${path}`, locale, body });
    if (result.ok) return null;
    const field = fieldOfApiError({ error: result.error, zones });
    return { ok: false, code: result.error.code, message: result.error.message, field: fieldFor ? fieldFor(field) : field, options };
  };

  // Removing lines can only lower a total the workflow accepted already.
  const narrowed: LineOptions = {
    commonArea: options.commonArea && wantedOptions.commonArea,
    penalty: options.penalty && wantedOptions.penalty,
    debt: options.debt && wantedOptions.debt,
  };
  if (!sameOptions(narrowed, options)) {
    const failed = await step('lines', narrowed, () => 'total');
    if (failed) return failed;
    options = narrowed;
  }
  const electricityFailed = await step('electricity', electricity);
  if (electricityFailed) return electricityFailed;
  if (!sameOptions(wantedOptions, options)) {
    // Adding the debt is what can push the total over the ceiling: say so next to the total.
    const failed = await step('lines', wantedOptions, () => 'total');
    if (failed) return failed;
    options = wantedOptions;
  }
  const normalizedEmail = email === null ? null : email.trim().toLowerCase();
  if (normalizedEmail !== serverEmail) {
    const failed = await step('receipt-email', { email: normalizedEmail });
    if (failed) return failed;
  }
  return { ok: true, options };
};
