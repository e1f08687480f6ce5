'use client';
// The account step: district (the city or one of the region's 32), then either the housing-office
// index + account in one field (city) or a settlement and a 6-digit account (region), with format
// hints as the resident types; "Далее" asks the workflow (setAccount) for the masked address.
import { zodResolver } from '@hookform/resolvers/zod';
import type { DistrictKind } from '@voltpay/domain';
import { HOUSING_OFFICE_INDEX_LENGTH, normalizeAccountNumber, REGION_ACCOUNT_NUMBER_LENGTH, validateAccountNumber } from '@voltpay/domain/account-number';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { callPaymentApi } from '~/lib/pay/api-client';
import { fieldOfApiError } from '~/lib/pay/error-fields';
import { BillHelp } from './bill-help';
import { CancelPayment } from './cancel-payment';

export type DistrictOption = { code: string; name: string; kind: DistrictKind };
type Settlement = { id: string; name: string; isDistrictCentre: boolean };
type AccountValues = { districtCode: string; settlementId: string; accountNumber: string };

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export const AccountStep = ({
  paymentId,
  districts,
  initial,
}: {
  paymentId: string;
  districts: DistrictOption[];
  /** "Сменить лицевой счёт": the account shown so far (its settlement is matched by name). */
  initial: { districtCode: string; settlementName: string; accountNumber: string } | null;
}) => {
  const t = useTranslations('pay.account');
  const common = useTranslations('pay.common');
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const kindOf = (code: string) => districts.find((d) => d.code === code)?.kind ?? null;

  const schema = useMemo(
    () =>
      z.object({ districtCode: z.string(), settlementId: z.string(), accountNumber: z.string() }).superRefine((values, check) => {
        const kind = districts.find((d) => d.code === values.districtCode)?.kind;
        if (!kind) {
          check.addIssue({ code: 'custom', path: ['districtCode'], message: t('districtRequired') });
          return;
        }
        if (kind === 'REGION_DISTRICT' && values.settlementId === '') {
          check.addIssue({ code: 'custom', path: ['settlementId'], message: t('settlementRequired') });
        }
        const validation = validateAccountNumber({ districtKind: kind, number: values.accountNumber });
        if (!validation.ok) check.addIssue({ code: 'custom', path: ['accountNumber'], message: t(`errors.${validation.code}`) });
      }),
    [districts, t],
  );

  const {
    register,
    handleSubmit,
    control,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<AccountValues>({
    resolver: zodResolver(schema),
    // Checked on "Далее", then again as the resident corrects: an error appearing on blur would
    // move the button away under the pointer. Letters are flagged as typed (below) regardless.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { districtCode: initial?.districtCode ?? '', settlementId: '', accountNumber: initial?.accountNumber ?? '' },
  });
  const [districtCode, accountNumber] = useWatch({ control, name: ['districtCode', 'accountNumber'] });
  const kind = kindOf(districtCode);
  const [formError, setFormError] = useState<string | null>(null);

  // The settlements of the chosen region district, from the same reference data the API serves.
  // `preselect`: the settlement to choose once its <option> exists (the previous account's, or the
  // district's only one). Set before the options render, a native select would show the placeholder
  // while the form held the id.
  const [settlements, setSettlements] = useState<{ district: string; list: Settlement[]; preselect: string | null } | null>(null);
  useEffect(() => {
    if (kind !== 'REGION_DISTRICT') return;
    const controller = new AbortController();
    void callPaymentApi<{ settlements: Settlement[] }>({ path: `districts/${districtCode}/settlements`, locale, method: 'GET', signal: controller.signal })
      .then((result) => {
        if (!result.ok) return;
        const previous = initial && initial.districtCode === districtCode ? result.data.settlements.find((s) => s.name === initial.settlementName) : undefined;
        const only = result.data.settlements.length === 1 ? result.data.settlements[0] : undefined;
        setSettlements({ district: districtCode, list: result.data.settlements, preselect: (previous ?? only)?.id ?? null });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [districtCode, kind, locale, initial]);
  const settlementList = settlements?.district === districtCode ? settlements.list : null;
  const preselect = settlements?.district === districtCode ? settlements.preselect : null;
  useEffect(() => {
    if (preselect) setValue('settlementId', preselect);
  }, [preselect, setValue]);

  const onValid = async (values: AccountValues) => {
    setFormError(null);
    const result = await callPaymentApi({
      path: `payments/${paymentId}/account`,
      locale,
      body: {
        districtCode: values.districtCode,
        ...(kindOf(values.districtCode) === 'REGION_DISTRICT' ? { settlementId: values.settlementId } : {}),
        accountNumber: normalizeAccountNumber(values.accountNumber),
      },
    });
    if (result.ok) {
      if (pathname === `/pay/${paymentId}`) router.refresh();
      else router.replace(`/pay/${paymentId}`);
      return;
    }
    if (result.error.code === 'WRONG_STATE' || result.error.code === 'PAYMENT_NOT_FOUND') {
      router.replace(`/pay/${paymentId}`);
      router.refresh();
      return;
    }
    const field = fieldOfApiError({ error: result.error });
    if (field === 'districtCode' || field === 'settlementId' || field === 'accountNumber') {
      setError(field, { type: 'server', message: result.error.message }, { shouldFocus: true });
    } else {
      setFormError(result.error.message);
    }
  };

  // Instant hints: how the digits typed so far split into office and account, or how many are left.
  const digits = normalizeAccountNumber(accountNumber);
  const hasSeparators = digits !== accountNumber.trim() && accountNumber.trim() !== '';
  const notDigits = digits !== '' && !/^[0-9]+$/.test(digits);
  let live: string | null = null;
  if (notDigits) live = null;
  else if (kind === 'CITY' && digits !== '') {
    live =
      digits.length <= HOUSING_OFFICE_INDEX_LENGTH
        ? t('liveCityShort', { count: digits.length })
        : t('liveCity', { office: digits.slice(0, HOUSING_OFFICE_INDEX_LENGTH), account: digits.slice(HOUSING_OFFICE_INDEX_LENGTH) });
  } else if (kind === 'REGION_DISTRICT' && digits !== '') {
    live = digits.length === REGION_ACCOUNT_NUMBER_LENGTH ? t('liveRegionOk') : t('liveRegion', { count: digits.length });
  }
  // A letter is wrong at once, before the field is left: say it as it is typed.
  const numberError = errors.accountNumber?.message ?? (notDigits ? t('errors.ACCOUNT_NUMBER_NOT_DIGITS') : undefined);

  const city = districts.filter((d) => d.kind === 'CITY');
  const region = districts.filter((d) => d.kind === 'REGION_DISTRICT');

  return (
    <form onSubmit={(event) => void handleSubmit(onValid)(event)} noValidate className="pay-form" aria-labelledby="step-title">
      <div className="field">
        <label htmlFor="districtCode">{t('district')}</label>
        <select
          id="districtCode"
          {...register('districtCode', { onChange: () => setValue('settlementId', '') })}
          aria-invalid={errors.districtCode ? true : undefined}
          aria-describedby={describedBy(errors.districtCode && 'districtCode-error')}
          autoComplete="off"
        >
          <option value="">{t('districtPlaceholder')}</option>
          <optgroup label={t('cityGroup')}>
            {city.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('regionGroup')}>
            {region.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </optgroup>
        </select>
        {errors.districtCode ? (
          <p id="districtCode-error" className="field__error">
            {errors.districtCode.message}
          </p>
        ) : null}
      </div>

      {kind === 'REGION_DISTRICT' ? (
        <div className="field">
          <label htmlFor="settlementId">{t('settlement')}</label>
          <select
            id="settlementId"
            {...register('settlementId')}
            disabled={!settlementList}
            aria-invalid={errors.settlementId ? true : undefined}
            aria-describedby={describedBy(!settlementList && 'settlementId-loading', errors.settlementId && 'settlementId-error')}
          >
            <option value="">{settlementList ? t('settlementPlaceholder') : t('settlementLoading')}</option>
            {settlementList?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.isDistrictCentre ? t('settlementCentre', { name: s.name }) : s.name}
              </option>
            ))}
          </select>
          {!settlementList ? (
            <p id="settlementId-loading" className="field__hint">
              {t('settlementLoading')}
            </p>
          ) : null}
          {errors.settlementId ? (
            <p id="settlementId-error" className="field__error">
              {errors.settlementId.message}
            </p>
          ) : null}
        </div>
      ) : null}

      {kind ? (
        <div className="field">
          <label htmlFor="accountNumber">{kind === 'CITY' ? t('cityNumber') : t('regionNumber')}</label>
          <p id="accountNumber-hint" className="field__hint">
            {kind === 'CITY' ? t('cityNumberHint') : t('regionNumberHint')}
          </p>
          <input
            id="accountNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={24}
            className="input--number"
            placeholder={kind === 'CITY' ? '99991234567' : '100001'}
            {...register('accountNumber')}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={describedBy('accountNumber-hint', live && 'accountNumber-live', numberError && 'accountNumber-error')}
          />
          {live ? (
            <p id="accountNumber-live" className="field__live">
              {live}
              {hasSeparators ? ` · ${t('spacesIgnored')}` : ''}
            </p>
          ) : null}
          {numberError ? (
            <p id="accountNumber-error" className="field__error">
              {numberError}
            </p>
          ) : null}
        </div>
      ) : null}

      <BillHelp />

      {formError ? (
        <p role="alert" className="form-alert">
          {formError}
        </p>
      ) : null}

      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? common('working') : t('submit')}
        </button>
        <CancelPayment paymentId={paymentId} />
      </div>
    </form>
  );
};
