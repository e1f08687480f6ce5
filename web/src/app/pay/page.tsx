// The terms of service (/pay): the "Оплата картой" link opens it; nothing proceeds until "Я согласен",
// which starts the payment (lib/pay/start-payment.ts) and moves to /pay/<id>.
import { CURRENT_TERMS_VERSION } from '@voltpay/workflows/payment';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PayProgress } from '~/components/pay/progress';
import { StepHeading } from '~/components/pay/step-heading';
import { TermsForm } from '~/components/pay/terms-form';
import { testSettingsAllowed } from '~/lib/api/payments';
import { formatDate } from '~/lib/pay/format';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('pay.terms'))('metaTitle') });

const SECTIONS = ['service', 'card', 'data', 'cancel', 'receipt', 'claims', 'time'] as const;

const TermsPage = async ({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) => {
  const [t, locale, query] = [await getTranslations('pay.terms'), await getLocale(), await searchParams];
  const date = formatDate(CURRENT_TERMS_VERSION, locale);
  // Short timers for browser tests only; a public stack ignores the parameter entirely.
  const testSettings = testSettingsAllowed() && typeof query.testSettings === 'string' ? query.testSettings : null;
  return (
    <>
      <PayProgress current="terms" />
      <StepHeading>{t('title')}</StepHeading>
      {query.outdated ? (
        <p role="alert" className="form-alert">
          {t('outdated')}
        </p>
      ) : null}
      <p>{t('intro')}</p>
      <p className="muted">{t('version', { date })}</p>
      <div className="terms">
        {SECTIONS.map((section) => (
          <section key={section} aria-labelledby={`terms-${section}`}>
            <h2 id={`terms-${section}`}>{t(`sections.${section}Title`)}</h2>
            <p>{t(`sections.${section}`)}</p>
          </section>
        ))}
      </div>
      <p className="muted">{t('agreeHint', { date })}</p>
      <TermsForm termsVersion={CURRENT_TERMS_VERSION} testSettings={testSettings} />
    </>
  );
};

export default TermsPage;
