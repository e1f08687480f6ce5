// The public receipt check (the QR code on every receipt opens it with the number and code filled
// in): a GET form, so the answer is a plain link anyone can open, print or bookmark.
import { CircleAlert, CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FocusHeading } from '~/components/account/focus-on-mount';
import { ReceiptFacts } from '~/components/account/receipt-facts';
import { TextField } from '~/components/account/text-field';
import { checkReceipt, validateVerifyInput, type ReceiptCheck, type VerifyFormErrors } from './_lib/check-receipt';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getTranslations('account.meta'))('verify'),
  // A verification link carries a receipt's code: keep such pages out of search engines.
  robots: { index: false, follow: false },
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 64) ?? '';

const VerifyReceiptPage = async ({ searchParams }: { searchParams: SearchParams }) => {
  const params = await searchParams;
  const t = await getTranslations('account');
  const submitted = params.number !== undefined || params.code !== undefined;
  const number = first(params.number);
  const code = first(params.code);
  const errors: VerifyFormErrors = submitted ? validateVerifyInput({ number, code }) : {};
  const valid = submitted && !errors.number && !errors.code;
  const check: ReceiptCheck | null = valid ? await checkReceipt({ number, code }) : null;

  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p className="account-lead">{t('verify.intro')}</p>
      {errors.number || errors.code ? (
        <p className="account-alert account-alert--error" role="alert">
          <CircleAlert aria-hidden="true" focusable="false" size={20} />
          <span>{t('common.errorSummary')}</span>
        </p>
      ) : null}
      <form method="get" action="/receipts/verify" noValidate className="account-form" aria-label={t('verify.title')}>
        <TextField
          id="verify-number"
          name="number"
          label={t('common.receiptNumberLabel')}
          hint={t('common.receiptNumberHint')}
          error={errors.number ? t(`verify.errors.${errors.number}`) : null}
          defaultValue={number}
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          autoFocus={Boolean(errors.number)}
        />
        <TextField
          id="verify-code"
          name="code"
          label={t('verify.codeLabel')}
          hint={t('verify.codeHint')}
          error={errors.code ? t(`verify.errors.${errors.code}`) : null}
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          autoFocus={!errors.number && Boolean(errors.code)}
        />
        <button type="submit" className="account-button">
          {t('verify.submit')}
        </button>
      </form>

      {check?.genuine ? (
        <section className="account-card account-card--genuine" aria-labelledby="verify-result" data-testid="verify-result">
          <FocusHeading id="verify-result" className="account-card__title">
            <CircleCheck aria-hidden="true" focusable="false" size={24} /> {t('verify.genuine')}
          </FocusHeading>
          <p>{t('verify.genuineBody')}</p>
          {check.receipt.paymentStatus === 'REFUNDED' ? (
            <p className="account-alert account-alert--warning">
              <TriangleAlert aria-hidden="true" focusable="false" size={20} />
              <span>{t('verify.refunded')}</span>
            </p>
          ) : null}
          <ReceiptFacts {...check.receipt} />
        </section>
      ) : null}
      {check && !check.genuine ? (
        <section className="account-card account-card--forged" aria-labelledby="verify-result" data-testid="verify-result">
          <FocusHeading id="verify-result" className="account-card__title">
            <CircleX aria-hidden="true" focusable="false" size={24} /> {t('verify.notGenuine')}
          </FocusHeading>
          <p>{t('verify.notGenuineBody')}</p>
        </section>
      ) : null}
    </>
  );
};

export default VerifyReceiptPage;
