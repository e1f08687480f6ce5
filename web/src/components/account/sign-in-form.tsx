'use client';
// "My payments" sign-in: one email field; the link arrives by email. On an error the field (or
// the message) takes focus so the resident hears what to fix.
import { CircleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { requestSignInLink, type SignInFormState } from '~/app/my-payments/actions';
import { TextField } from './text-field';

const INITIAL: SignInFormState = { email: '', error: null };

export const SignInForm = () => {
  const t = useTranslations('account.signIn');
  const [state, action, pending] = useActionState(requestSignInLink, INITIAL);
  const emailRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const error = state.error;
  const fieldError = error && (error.kind === 'emailRequired' || error.kind === 'emailInvalid') ? t(`errors.${error.kind}`) : null;

  useEffect(() => {
    if (!error) return;
    if (error.kind === 'emailRequired' || error.kind === 'emailInvalid') emailRef.current?.focus();
    else alertRef.current?.focus();
  }, [state, error]);

  return (
    <form action={action} noValidate className="account-form" aria-labelledby="sign-in-title" aria-busy={pending}>
      <h2 id="sign-in-title">{t('formTitle')}</h2>
      {error && (error.kind === 'tooMany' || error.kind === 'sendFailed') ? (
        <p className="account-alert account-alert--error" role="alert" tabIndex={-1} ref={alertRef}>
          <CircleAlert aria-hidden="true" focusable="false" size={20} />
          <span>{error.kind === 'tooMany' ? t('errors.tooMany', { minutes: error.minutes }) : t('errors.sendFailed')}</span>
        </p>
      ) : null}
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        label={t('emailLabel')}
        hint={t('emailHint')}
        error={fieldError}
        defaultValue={state.email}
        inputRef={emailRef}
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={254}
      />
      <button type="submit" className="account-button">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
};
