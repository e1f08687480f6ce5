'use client';
// "Я согласен": a form posting to the start action (works without JavaScript too: a 303 to the
// payment's page). A double click cannot start two payments: the button is disabled while pending.
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState } from 'react';
import { startPaymentAction, type StartPaymentFormState } from '~/lib/pay/start-payment';

export const TermsForm = ({ termsVersion, testSettings }: { termsVersion: string; testSettings: string | null }) => {
  const t = useTranslations('pay.terms');
  const common = useTranslations('pay.common');
  const [state, formAction, pending] = useActionState<StartPaymentFormState, FormData>(startPaymentAction, { error: null });
  return (
    <form action={formAction} className="terms-form">
      <input type="hidden" name="termsVersion" value={termsVersion} />
      {testSettings ? <input type="hidden" name="testSettings" value={testSettings} /> : null}
      {state.error ? (
        <p role="alert" className="form-alert">
          {t('failed', { message: state.error })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary button--large" disabled={pending} aria-busy={pending}>
          {pending ? common('working') : t('agree')}
        </button>
        <Link className="button button--secondary" href="/">
          {t('decline')}
        </Link>
      </div>
    </form>
  );
};
