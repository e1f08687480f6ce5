'use client';
// Guest look-up: receipt number + account number + amount paid → that receipt, if all belong
// together. A wrong triple gets one message whichever part was wrong. Focus goes to the first field to fix, or to
// the answer.
import { CircleAlert, CircleCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { findReceipt, type FindReceiptFormState } from '~/app/my-payments/actions';
import { DownloadReceiptLink } from './receipt-bits';
import { ReceiptFacts } from './receipt-facts';
import { TextField } from './text-field';

const INITIAL: FindReceiptFormState = { values: { number: '', account: '', amount: '' }, errors: {}, tooMany: null, result: null, answer: 0 };

export const FindReceiptForm = () => {
  const t = useTranslations('account');
  const [state, action, pending] = useActionState(findReceipt, INITIAL);
  const numberRef = useRef<HTMLInputElement>(null);
  const accountRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.answer === 0) return;
    if (state.errors.number) numberRef.current?.focus();
    else if (state.errors.account) accountRef.current?.focus();
    else if (state.errors.amount) amountRef.current?.focus();
    else answerRef.current?.focus();
  }, [state]);

  const found = state.result?.found ? state.result.receipt : null;
  return (
    <>
      <form action={action} noValidate className="account-form" aria-labelledby="find-form-title" aria-busy={pending}>
        <h2 id="find-form-title" className="account-sr-only">
          {t('find.title')}
        </h2>
        <TextField
          id="find-number"
          name="number"
          label={t('common.receiptNumberLabel')}
          hint={t('common.receiptNumberHint')}
          error={state.errors.number ? t(`find.errors.${state.errors.number}`) : null}
          defaultValue={state.values.number}
          inputRef={numberRef}
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
        />
        <TextField
          id="find-account"
          name="account"
          label={t('find.accountLabel')}
          hint={t('find.accountHint')}
          error={state.errors.account ? t(`find.errors.${state.errors.account}`) : null}
          defaultValue={state.values.account}
          inputRef={accountRef}
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
        />
        <TextField
          id="find-amount"
          name="amount"
          label={t('find.amountLabel')}
          hint={t('find.amountHint')}
          error={state.errors.amount ? t(`find.errors.${state.errors.amount}`) : null}
          defaultValue={state.values.amount}
          inputRef={amountRef}
          inputMode="decimal"
          autoComplete="off"
          maxLength={40}
        />
        <button type="submit" className="account-button">
          {pending ? t('find.submitting') : t('find.submit')}
        </button>
      </form>

      <div ref={answerRef} tabIndex={-1} className="account-answer" aria-live="polite">
        {state.tooMany ? (
          <p className="account-alert account-alert--error">
            <CircleAlert aria-hidden="true" focusable="false" size={20} />
            <span>{t('find.errors.tooMany', { minutes: state.tooMany.minutes })}</span>
          </p>
        ) : null}
        {state.result && !state.result.found ? (
          <p className="account-alert account-alert--error">
            <CircleAlert aria-hidden="true" focusable="false" size={20} />
            <span>{t('find.notFound')}</span>
          </p>
        ) : null}
        {found ? (
          <section className="account-card account-card--result" aria-labelledby="found-title">
            <h2 id="found-title" className="account-card__title">
              <CircleCheck aria-hidden="true" focusable="false" size={22} /> {t('find.found')}
            </h2>
            <ReceiptFacts
              number={found.number}
              issuedAt={found.issuedAt}
              totalKopecks={found.totalKopecks}
              period={found.period}
              accountNumber={found.accountNumber}
              paymentStatus={found.paymentStatus}
            />
            <DownloadReceiptLink number={found.number} code={found.verificationCode} />
          </section>
        ) : null}
      </div>
    </>
  );
};
