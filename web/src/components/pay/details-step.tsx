'use client';
// The payment-details step: the address to check, the billing period (mandatory), then meter
// readings or "Редактировать сумму", the extra lines and the debt, the receipt email, and the total
// — priced in the browser as the resident types by the workflow's own quote maths; "Далее" sends
// it to the workflow, whose updates have the last word.
import { zodResolver } from '@hookform/resolvers/zod';
import type { Locale, MeterZone } from '@voltpay/domain';
import type { ResidentPaymentState } from '~/lib/api/schemas';
import { formatRoubles } from '@voltpay/domain/money';
import { Gauge, Pencil } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { callPaymentApi } from '~/lib/pay/api-client';
import {
  buildDetailsSchema,
  computeLiveQuote,
  debtOverCeiling,
  defaultDetailsValues,
  fieldOfQuoteError,
  optionsOfValues,
  zonesOfContext,
  type DetailsValues,
} from '~/lib/pay/details-model';
import { errorMessage, FIELD_MESSAGES } from '~/lib/api/messages';
import { formatDate, formatPeriod, formatRate, formatReading } from '~/lib/pay/format';
import { submitDetails } from '~/lib/pay/submit-details';
import { AddressCheck } from './address-check';
import { CancelPayment } from './cancel-payment';

/** Scrolls a field's block (label, input, hint, error) into view, clear of the bar by its scroll margin. */
const revealField = (element: HTMLElement) => (element.closest('.field, .zone') ?? element).scrollIntoView({ block: 'nearest' });

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export const DetailsStep = ({ initialState }: { initialState: ResidentPaymentState }) => {
  const t = useTranslations('pay.details');
  const common = useTranslations('pay.common');
  const locale = useLocale();
  const router = useRouter();
  const [state, setState] = useState(initialState);
  const [periodBusy, setPeriodBusy] = useState(false);
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const paymentId = state.paymentId;
  const account = state.account!;

  const onStateGone = () => router.refresh();

  const choosePeriod = async (period: string) => {
    setPeriodError(null);
    setFormError(null);
    if (period === '') return;
    setPeriodBusy(true);
    const result = await callPaymentApi({ path: `payments/${paymentId}/period`, locale, body: { period } });
    if (!result.ok) {
      setPeriodBusy(false);
      if (result.error.code === 'WRONG_STATE' || result.error.code === 'PAYMENT_NOT_FOUND') return onStateGone();
      setPeriodError(result.error.message);
      return;
    }
    const fresh = await callPaymentApi<{ state: ResidentPaymentState }>({ path: `payments/${paymentId}`, locale, method: 'GET' });
    setPeriodBusy(false);
    if (fresh.ok) setState(fresh.data.state);
    else setFormError(fresh.error.message);
  };

  return (
    <>
      <AddressCheck paymentId={paymentId} account={account} />

      <section aria-labelledby="period-label" className="pay-section">
        <div className="field">
          <label id="period-label" htmlFor="period">
            {t('period')} <span className="field__required">({common('required')})</span>
          </label>
          <p id="period-hint" className="field__hint">
            {t('periodHint')}
          </p>
          <select
            id="period"
            value={state.period ?? ''}
            onChange={(event) => void choosePeriod(event.target.value)}
            disabled={periodBusy}
            required
            aria-invalid={periodError ? true : undefined}
            aria-describedby={describedBy('period-hint', periodError && 'period-error', periodBusy && 'period-busy')}
          >
            {state.period === null ? <option value="">{t('periodPlaceholder')}</option> : null}
            {state.periods.map((option) => (
              <option key={option.period} value={option.period}>
                {option.debtKopecks > 0
                  ? t('periodDebt', { period: formatPeriod(option.period, locale), amount: formatRoubles(option.debtKopecks, locale) })
                  : formatPeriod(option.period, locale)}
              </option>
            ))}
          </select>
          {periodBusy ? (
            <p id="period-busy" className="field__hint" role="status">
              {t('periodLoading')}
            </p>
          ) : null}
          {periodError ? (
            <p id="period-error" className="field__error">
              {periodError}
            </p>
          ) : null}
        </div>
      </section>

      {formError ? (
        <p role="alert" className="form-alert">
          {formError}
        </p>
      ) : null}

      {state.bill && state.period ? (
        <DetailsForm key={`${state.period}:${state.revision}`} state={state} locale={locale} onStateGone={onStateGone} />
      ) : (
        <>
          <p className="note-inline">{t('choosePeriodFirst')}</p>
          <div className="actions">
            {/* The period is mandatory (the guide's «ОБЯЗАТЕЛЬНО!»): "Далее" says so at the picker. */}
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setPeriodError(t('periodRequired'));
                document.getElementById('period')?.focus();
              }}
            >
              {t('submit')}
            </button>
            <CancelPayment paymentId={paymentId} />
          </div>
        </>
      )}
    </>
  );
};

const DetailsForm = ({ state, locale, onStateGone }: { state: ResidentPaymentState; locale: Locale; onStateGone: () => void }) => {
  const t = useTranslations('pay.details');
  const tZones = useTranslations('pay.zones');
  const common = useTranslations('pay.common');
  const router = useRouter();
  const paymentId = state.paymentId;
  const account = state.account!;
  const bill = state.bill!;
  const zones = zonesOfContext(state);

  const schema = useMemo(
    () =>
      buildDetailsSchema({
        context: state,
        locale,
        describe: (code) => {
          switch (code) {
            case 'READING_REQUIRED':
              return t('readingRequired');
            case 'READING_DIGITS':
              return t('readingDigits');
            case 'AMOUNT_REQUIRED':
              return t('amountRequired');
            case 'AMOUNT_NOT_NUMBER':
              return FIELD_MESSAGES.AMOUNT_NOT_NUMBER[locale]({});
            case 'AMOUNT_TOO_PRECISE':
              return FIELD_MESSAGES.AMOUNT_TOO_PRECISE[locale]({});
            case 'EMAIL_REQUIRED':
              return t('emailRequired');
            default: {
              const unknown: never = code;
              return String(unknown);
            }
          }
        },
      }),
    [state, locale, t],
  );

  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    formState: { errors, isSubmitting, isSubmitted, submitCount },
  } = useForm<DetailsValues>({
    resolver: zodResolver(schema),
    // The quote's refusals show as the resident types (below); the form's own checks on "Далее",
    // then as they are corrected — never on blur, which would move the button under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: defaultDetailsValues(state, locale),
  });
  const values = useWatch({ control }) as DetailsValues;
  const live = computeLiveQuote(state, values);
  const [serverOptions, setServerOptions] = useState(state.options);
  // A refusal of the total on "Далее" (or the server's) belongs to the inputs it was about: once the
  // resident changes any of them the live quote speaks again, instead of a stale "over the limit"
  // beside a valid total.
  const inputsKey = JSON.stringify([values.mode, values.readings, values.amount, values.commonArea, values.penalty, values.debt]);
  const [totalRefusal, setTotalRefusal] = useState<{ message: string; inputsKey: string } | null>(null);
  const setTotalServerError = (message: string | null) => setTotalRefusal(message === null ? null : { message, inputsKey });
  const totalServerError = totalRefusal && totalRefusal.inputsKey === inputsKey ? totalRefusal.message : null;
  const [formError, setFormError] = useState<string | null>(null);

  // The quote's refusals appear as the resident types (instant), once the inputs themselves are fine.
  const quoteError = live.problems.length === 0 && live.result && !live.result.ok ? live.result.error : null;
  const quoteErrorField = quoteError ? fieldOfQuoteError(quoteError) : null;
  const quoteErrorText = quoteError ? errorMessage({ code: quoteError.code, params: quoteError.params ?? {}, locale }) : null;
  const quote = live.problems.length === 0 && live.result?.ok ? live.result.quote : null;
  // From the priced lines, not the accepted quote: a debt over the ceiling refuses the total, yet the
  // typed amount or readings still come to a sum the resident should see on its line.
  const electricityLine = (live.problems.length === 0 ? live.lines : null)?.find((l) => l.kind === 'ELECTRICITY') ?? null;
  const totalKopecks = quote && live.electricity ? quote.totalKopecks : null;

  const errorOf = (path: string): string | undefined => {
    const [head, zone, field] = path.split('.');
    const fromForm =
      head === 'readings' ? errors.readings?.[zone as MeterZone]?.[field as 'start' | 'end']?.message : errors[head as keyof DetailsValues]?.message;
    if (quoteErrorField === path && quoteErrorText) {
      // A refusal of typed readings shows once the field was typed in; the form error otherwise.
      const typed = head !== 'readings' || (values.readings?.[zone as MeterZone]?.[field as 'start' | 'end'] ?? '') !== '';
      if (typed) return quoteErrorText;
    }
    return fromForm;
  };

  // Screen readers hear the total after typing pauses, not at every keystroke.
  const [announced, setAnnounced] = useState('');
  const totalText = totalKopecks !== null ? formatRoubles(totalKopecks, locale) : null;
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(totalText ? t('totalAnnounce', { amount: totalText }) : ''), 1200);
    return () => clearTimeout(timer);
  }, [totalText, t]);

  // The sticky total bar covers the bottom of the window, as tall as its contents make it (an error
  // inside it, a phone's wrapped line): fields scroll with a margin of its measured height
  // (globals.css, --total-bar-height), so a field and the error under it stay above the bar.
  const formRef = useRef<HTMLFormElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const form = formRef.current;
    const bar = barRef.current;
    if (!form || !bar) return;
    const measure = () => form.style.setProperty('--total-bar-height', `${bar.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // "Далее" with errors focuses the first invalid field (react-hook-form), which scrolls the input
  // only; once its message is rendered, the whole block is brought above the bar. The same for an
  // error that appears under the field being typed in, near the window's bottom.
  const shownErrors = [
    quoteErrorText,
    errors.amount?.message,
    errors.email?.message,
    JSON.stringify(errors.readings ?? null, ['SINGLE', 'DAY', 'NIGHT', 'start', 'end', 'message']),
  ].join('|');
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && formRef.current?.contains(active) && active.getAttribute('aria-invalid') === 'true') revealField(active);
  }, [shownErrors, submitCount]);

  const submitting = useRef(false);
  const onValid = async (submitted: DetailsValues) => {
    if (submitting.current) return;
    setFormError(null);
    setTotalServerError(null);
    const current = computeLiveQuote(state, submitted);
    if (!current.electricity || !current.result?.ok) {
      setTotalServerError(quoteErrorText);
      return;
    }
    submitting.current = true;
    const outcome = await submitDetails({
      paymentId,
      locale,
      zones,
      electricity: current.electricity,
      serverOptions,
      wantedOptions: optionsOfValues(submitted),
      serverEmail: state.receiptEmail,
      email: submitted.sendEmail ? submitted.email : null,
    });
    submitting.current = false;
    setServerOptions(outcome.options);
    if (outcome.ok) {
      router.push(`/pay/${paymentId}/review`);
      return;
    }
    if (outcome.code === 'WRONG_STATE' || outcome.code === 'PAYMENT_NOT_FOUND') return onStateGone();
    const field = outcome.field;
    if (field === 'total') setTotalServerError(outcome.message);
    else if (field && (field === 'amount' || field === 'email' || field.startsWith('readings.'))) {
      setError(field as FieldPath<DetailsValues>, { type: 'server', message: outcome.message }, { shouldFocus: true });
    } else setFormError(outcome.message);
  };
  const onInvalid = () => {
    if (quoteErrorField === 'total') setTotalServerError(quoteErrorText);
  };

  const mode = values.mode ?? 'readings';
  const showTotalError = totalServerError ?? (quoteErrorField === 'total' && (live.electricity !== null || isSubmitted) ? quoteErrorText : null);
  const debtIncluded = values.debt ?? false;
  const debtTooLarge = debtOverCeiling(state);
  const rates = bill.tariff?.rates ?? [];

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)}
      noValidate
      className="pay-form details-form"
      aria-labelledby="step-title"
    >
      <section aria-labelledby="electricity-title" className="pay-section">
        <div className="section-head">
          <h2 id="electricity-title">{t('electricityTitle')}</h2>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!bill.tariff && mode === 'amount'}
            onClick={() => setValue('mode', mode === 'amount' ? 'readings' : 'amount', { shouldValidate: false })}
          >
            {mode === 'amount' ? <Gauge aria-hidden="true" size={18} /> : <Pencil aria-hidden="true" size={18} />}
            <span>{mode === 'amount' ? t('useReadings') : t('editAmount')}</span>
          </button>
        </div>
        {bill.tariff ? (
          <p className="field__hint">
            {t('tariff', {
              date: formatDate(bill.tariff.validFrom, locale),
              rates: rates.map((r) => t('rate', { zone: tZones(r.zone), rate: formatRate(r.rateCentikopecks, locale) })).join('; '),
            })}
          </p>
        ) : (
          <p className="field__hint">{t('noTariff')}</p>
        )}

        {mode === 'readings' ? (
          <div className="zones">
            {zones.map((zone) => {
              const last = bill.lastReadings.find((r) => r.zone === zone);
              const consumption = electricityLine?.zones?.find((z) => z.zone === zone);
              const startError = errorOf(`readings.${zone}.start`);
              const endError = errorOf(`readings.${zone}.end`);
              const id = (field: string) => `reading-${zone}-${field}`;
              return (
                <fieldset key={zone} className="zone">
                  <legend>{tZones(zone)}</legend>
                  <div className="zone__fields">
                    <div className="field">
                      <label htmlFor={id('start')}>{t('start')}</label>
                      <input
                        id={id('start')}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        maxLength={8}
                        className="input--number"
                        // The recorded reading is where the payment starts: not the resident's to change.
                        readOnly={last !== undefined}
                        {...register(`readings.${zone}.start`, { deps: [`readings.${zone}.end`] })}
                        aria-invalid={startError ? true : undefined}
                        aria-describedby={describedBy(id('start-hint'), startError && id('start-error'))}
                      />
                      <p id={id('start-hint')} className="field__hint">
                        {last ? t('startHint', { period: formatPeriod(last.period, locale) }) : t('startHintNone')}
                      </p>
                      {startError ? (
                        <p id={id('start-error')} className="field__error">
                          {startError}
                        </p>
                      ) : null}
                    </div>
                    <div className="field">
                      <label htmlFor={id('end')}>{t('end')}</label>
                      <input
                        id={id('end')}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        maxLength={8}
                        className="input--number"
                        {...register(`readings.${zone}.end`)}
                        aria-invalid={endError ? true : undefined}
                        aria-describedby={describedBy(id('end-hint'), endError && id('end-error'), consumption && id('result'))}
                      />
                      <p id={id('end-hint')} className="field__hint">
                        {t('endHint')}
                      </p>
                      {endError ? (
                        <p id={id('end-error')} className="field__error">
                          {endError}
                        </p>
                      ) : null}
                    </div>
                  </div>
                  <p id={id('result')} className="zone__result" data-testid={`consumption-${zone}`}>
                    <span>
                      {t('consumption')}: <strong>{consumption ? t('kwh', { kwh: consumption.kwh }) : '—'}</strong>
                    </span>
                    <span>
                      {t('zoneAmount')}: <strong>{consumption ? formatRoubles(consumption.amountKopecks, locale) : '—'}</strong>
                    </span>
                  </p>
                  {consumption?.rolledOver ? <p className="field__hint">{t('rollover', { capacity: formatReading(account.meterCapacity) })}</p> : null}
                </fieldset>
              );
            })}
            {quoteErrorField === 'readings' && quoteErrorText ? <p className="field__error">{quoteErrorText}</p> : null}
          </div>
        ) : (
          <div className="field">
            <label htmlFor="amount">{t('amount')}</label>
            <p id="amount-hint" className="field__hint">
              {t('amountHint')}. {t('amountModeHint')}
            </p>
            <input
              id="amount"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              maxLength={20}
              className="input--number"
              {...register('amount')}
              aria-invalid={errorOf('amount') ? true : undefined}
              aria-describedby={describedBy('amount-hint', errorOf('amount') && 'amount-error')}
            />
            {errorOf('amount') ? (
              <p id="amount-error" className="field__error">
                {errorOf('amount')}
              </p>
            ) : null}
          </div>
        )}
      </section>

      <section aria-labelledby="lines-title" className="pay-section">
        <h2 id="lines-title">{t('linesTitle')}</h2>
        <table className="lines-table">
          <caption>{t('linesCaption', { period: formatPeriod(bill.period, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lineColumn')}</th>
              <th scope="col" className="num">
                {t('amountColumn')}
              </th>
              <th scope="col" className="num">
                {t('debtColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                {t('lines.ELECTRICITY')}
                {electricityLine?.kwh !== undefined ? <span className="muted"> · {t('kwh', { kwh: electricityLine.kwh })}</span> : null}
              </th>
              <td className="num" data-testid="line-ELECTRICITY">
                {electricityLine ? formatRoubles(electricityLine.amountKopecks, locale) : <span className="muted">{t('notEntered')}</span>}
              </td>
              <td className="num">
                {bill.debtKopecks > 0 ? (
                  <button
                    type="button"
                    className={debtIncluded ? 'debt-button is-added' : 'debt-button'}
                    aria-pressed={debtIncluded}
                    aria-describedby={debtTooLarge ? 'debt-over-ceiling' : undefined}
                    aria-label={
                      debtIncluded
                        ? t('debtAdded', { amount: formatRoubles(bill.debtKopecks, locale) })
                        : t('addDebt', { amount: formatRoubles(bill.debtKopecks, locale) })
                    }
                    onClick={() => {
                      setTotalServerError(null);
                      setValue('debt', !debtIncluded);
                    }}
                  >
                    {formatRoubles(bill.debtKopecks, locale)}
                    {debtIncluded ? <span className="debt-button__tag"> ✓ {t('debtAddedShort')}</span> : null}
                  </button>
                ) : (
                  <span className="muted">{t('noDebt')}</span>
                )}
              </td>
            </tr>
            {bill.commonAreaKopecks > 0 ? (
              <LineRow
                kind="COMMON_AREA"
                amount={formatRoubles(bill.commonAreaKopecks, locale)}
                included={values.commonArea ?? true}
                paid={(bill.paid?.commonAreaKopecks ?? 0) >= bill.commonAreaKopecks}
                register={register('commonArea')}
              />
            ) : null}
            {bill.penaltyKopecks > 0 ? (
              <LineRow
                kind="PENALTY"
                amount={formatRoubles(bill.penaltyKopecks, locale)}
                included={values.penalty ?? true}
                paid={(bill.paid?.penaltyKopecks ?? 0) >= bill.penaltyKopecks}
                register={register('penalty')}
              />
            ) : null}
            {debtIncluded && bill.debtKopecks > 0 ? (
              <tr>
                <th scope="row">{t('lines.DEBT')}</th>
                <td className="num" data-testid="line-DEBT">
                  {formatRoubles(bill.debtKopecks, locale)}
                </td>
                <td />
              </tr>
            ) : null}
          </tbody>
        </table>
        {debtTooLarge ? (
          <p id="debt-over-ceiling" className="note-inline" data-testid="debt-over-ceiling">
            {t('debtOverCeiling', {
              debt: formatRoubles(bill.debtKopecks, locale),
              ceiling: formatRoubles(state.settings.ceilingKopecks, locale),
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="receipt-title" className="pay-section">
        <h2 id="receipt-title">{t('receiptTitle')}</h2>
        <div className="check">
          <input id="sendEmail" type="checkbox" {...register('sendEmail')} />
          <label htmlFor="sendEmail">{t('receiptByEmail')}</label>
        </div>
        {values.sendEmail ? (
          <div className="field">
            <label htmlFor="email">{t('email')}</label>
            <input
              id="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              {...register('email')}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy('email-hint', errors.email && 'email-error')}
            />
            <p id="email-hint" className="field__hint">
              {t('emailHint')}
            </p>
            {errors.email ? (
              <p id="email-error" className="field__error">
                {errors.email.message}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      {formError ? (
        <p role="alert" className="form-alert">
          {formError}
        </p>
      ) : null}

      <div ref={barRef} className="total-bar">
        <p className="total-bar__total" aria-describedby={showTotalError ? 'total-error' : undefined}>
          <span>{t('total')}:</span> <strong data-testid="total">{totalText ?? t('totalPending')}</strong>
        </p>
        {showTotalError ? (
          <p id="total-error" className="field__error total-bar__error" role="alert">
            {showTotalError}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? common('working') : t('submit')}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>

      <div className="actions">
        <CancelPayment paymentId={paymentId} />
      </div>
    </form>
  );
};

const LineRow = ({
  kind,
  amount,
  included,
  paid,
  register,
}: {
  kind: 'COMMON_AREA' | 'PENALTY';
  amount: string;
  included: boolean;
  /** Another payment of the period pays it already: left out unless the resident adds it again. */
  paid: boolean;
  register: ReturnType<ReturnType<typeof useForm<DetailsValues>>['register']>;
}) => {
  const t = useTranslations('pay.details');
  const id = `line-${kind}`;
  return (
    <tr className={included ? undefined : 'is-excluded'}>
      <th scope="row">
        <span className="check check--inline">
          <input id={id} type="checkbox" {...register} />
          <label htmlFor={id}>{t(`lines.${kind}`)}</label>
        </span>
        {paid ? (
          <span className="field__hint" data-testid={`line-${kind}-paid`}>
            {' '}
            ({t('linePaid')})
          </span>
        ) : null}
      </th>
      <td className="num" data-testid={`line-${kind}`}>
        {amount}
      </td>
      <td />
    </tr>
  );
};
