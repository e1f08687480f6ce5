'use client';
// Where a payment is once it left our forms: on the bank's page, being decided, unconfirmed, paid
// (POSTING, NEEDS_ATTENTION and COMPLETED all mean the card was charged), declined, cancelled,
// expired or refunded. Asks the API again until the outcome and the receipt are known; on the
// acquirer's return link it first tells the workflow the resident is back (returnFromAcquirer).
import type { ResidentPaymentState } from '~/lib/api/schemas';
import { formatRoubles } from '@voltpay/domain/money';
import { Ban, CircleCheck, CircleX, Clock, Download, Hourglass, LoaderCircle, ShieldCheck, Undo2 } from 'lucide-react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { callPaymentApi } from '~/lib/pay/api-client';
import { formatPeriod } from '~/lib/pay/format';
import { pollDelayMs, screenOfState, shouldPoll, type StatusScreen } from '~/lib/pay/steps';
import { CancelPayment } from './cancel-payment';
import { StepHeading } from './step-heading';

export const PaymentStatus = ({ initialState, returning = false }: { initialState: ResidentPaymentState; returning?: boolean }) => {
  const locale = useLocale();
  const t = useTranslations('pay.status');
  const [state, setState] = useState(initialState);
  const [checking, setChecking] = useState(returning);
  const [unavailable, setUnavailable] = useState(false);
  const paymentId = initialState.paymentId;

  // Back from the bank: one returnFromAcquirer (safe to repeat; guarded against React's double effects).
  const returned = useRef(false);
  useEffect(() => {
    if (!returning || returned.current) return;
    returned.current = true;
    void callPaymentApi<{ state: ResidentPaymentState }>({ path: `payments/${paymentId}/return`, locale }).then((result) => {
      if (result.ok) setState(result.data.state);
      setChecking(false);
      // The payment's own address from now on: a reload or a bookmark shows the same page.
      window.history.replaceState(null, '', `/pay/${paymentId}`);
    });
  }, [returning, paymentId, locale]);

  const attempt = useRef(0);
  useEffect(() => {
    if (checking || !shouldPoll(state)) return;
    const poll = async () => {
      attempt.current += 1;
      const result = await callPaymentApi<{ state: ResidentPaymentState }>({ path: `payments/${paymentId}`, locale, method: 'GET' });
      if (result.ok) {
        setUnavailable(false);
        // A changed state restarts the quick polling; an unchanged one lets it slow down.
        if (result.data.state.revision !== state.revision) attempt.current = 0;
        setState(result.data.state);
      } else {
        setUnavailable(true);
        setState((s) => ({ ...s }));
      }
    };
    // callPaymentApi answers a failure as a result (no abort signal here): nothing to catch.
    const timer = setTimeout(() => void poll(), pollDelayMs({ status: state.status, attempt: attempt.current }));
    return () => clearTimeout(timer);
  }, [checking, state, paymentId, locale]);

  if (checking) {
    return (
      <div className="status-panel status-panel--pending">
        <StepHeading key="checking">{t('checking')}</StepHeading>
        <p role="status" className="status-line">
          <LoaderCircle aria-hidden="true" className="spin" size={22} /> {t('checking')}
        </p>
      </div>
    );
  }
  const screen = screenOfState(state);
  return (
    <div className={`status-panel status-panel--${screen}`} data-status={state.status} data-screen={screen}>
      <StatusBody key={screen} screen={screen} state={state} onChange={setState} />
      {unavailable ? (
        <p role="status" className="field__hint">
          {t('unavailable.text')}
        </p>
      ) : null}
    </div>
  );
};

const Facts = ({ state }: { state: ResidentPaymentState }) => {
  const t = useTranslations('pay.status');
  const locale = useLocale();
  const total = state.receipt?.totalKopecks ?? state.quote?.totalKopecks ?? null;
  return (
    <dl className="facts">
      {total !== null ? (
        <div>
          <dt>{t('amount')}</dt>
          <dd data-testid="status-amount">
            <strong>{formatRoubles(total, locale)}</strong>
          </dd>
        </div>
      ) : null}
      {state.account ? (
        <div>
          <dt>{t('account')}</dt>
          <dd className="facts__number">{state.account.number}</dd>
        </div>
      ) : null}
      {state.period ? (
        <div>
          <dt>{t('period')}</dt>
          <dd>{formatPeriod(state.period, locale)}</dd>
        </div>
      ) : null}
      {state.acquirer?.cardLast4 ? (
        <div>
          <dt>{t('card')}</dt>
          <dd>•••• {state.acquirer.cardLast4}</dd>
        </div>
      ) : null}
    </dl>
  );
};

const Heading = ({ icon, children }: { icon: ReactNode; children: ReactNode }) => (
  <div className="status-head">
    <span className="status-head__icon" aria-hidden="true">
      {icon}
    </span>
    <StepHeading>{children}</StepHeading>
  </div>
);

const Ending = ({ again }: { again?: string }) => {
  const common = useTranslations('pay.common');
  return (
    <div className="actions">
      <Link className="button button--primary" href="/pay">
        {again ?? common('startAgain')}
      </Link>
      <Link className="button button--secondary" href="/">
        {common('backToSite')}
      </Link>
    </div>
  );
};

const StatusBody = ({ screen, state, onChange }: { screen: StatusScreen; state: ResidentPaymentState; onChange: (state: ResidentPaymentState) => void }) => {
  const t = useTranslations('pay.status');
  const common = useTranslations('pay.common');
  const format = useFormatter();
  const locale = useLocale();
  const time = (iso: string | null | undefined) => (iso ? format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' }) : '');

  switch (screen) {
    case 'draft':
      return (
        <>
          <Heading icon={<Clock size={32} />}>{t('draft.title')}</Heading>
          <p>{t('draft.text')}</p>
          <div className="actions">
            <Link className="button button--primary" href={`/pay/${state.paymentId}`}>
              {t('draft.continue')}
            </Link>
          </div>
        </>
      );
    case 'awaitingCard':
      return (
        <>
          <Heading icon={<Clock size={32} />}>{t('awaitingCard.title')}</Heading>
          <p>{t('awaitingCard.text')}</p>
          <Facts state={state} />
          {state.expiresAt ? <p className="field__hint">{t('awaitingCard.until', { time: time(state.expiresAt) })}</p> : null}
          <div className="actions">
            {state.acquirer ? (
              <a className="button button--primary" href={state.acquirer.paymentUrl}>
                {t('awaitingCard.open')}
              </a>
            ) : null}
            <CancelPayment paymentId={state.paymentId} onCancelled={onChange} />
          </div>
        </>
      );
    case 'processing':
      return (
        <>
          <Heading icon={<LoaderCircle size={32} className="spin" />}>{t('processing.title')}</Heading>
          <p role="status">{t('processing.text')}</p>
          <Facts state={state} />
        </>
      );
    case 'unconfirmed':
      return (
        <>
          <Heading icon={<Hourglass size={32} />}>{t('unconfirmed.title')}</Heading>
          <p>{t('unconfirmed.text')}</p>
          <Facts state={state} />
          {state.unconfirmed?.nextCheckAt ? <p className="field__hint">{t('unconfirmed.next', { time: time(state.unconfirmed.nextCheckAt) })}</p> : null}
        </>
      );
    case 'success': {
      const receipt = state.receipt;
      const delivered = state.delivery && state.delivery.channel !== 'none' ? state.delivery.to : null;
      return (
        <>
          <Heading icon={<CircleCheck size={32} />}>{t('success.title')}</Heading>
          {/* Charged but not yet on the ledger (posting, or parked for an operator): don't say "credited". */}
          <p>{t(state.status === 'COMPLETED' ? 'success.text' : 'success.textCharged')}</p>
          <Facts state={state} />
          {state.status === 'NEEDS_ATTENTION' ? <p className="note-inline">{t('success.attention')}</p> : null}
          {receipt ? (
            <div className="receipt-box">
              <p className="receipt-box__number" data-testid="receipt-number">
                {t('success.receipt', { number: receipt.number })}
              </p>
              <p className="muted">{t('success.code', { code: receipt.verificationCode })}</p>
              <div className="actions">
                <a
                  className="button button--primary"
                  href={`/api/v1/receipts/${encodeURIComponent(receipt.number)}.pdf?code=${encodeURIComponent(receipt.verificationCode)}&lang=${locale}`}
                  download={`receipt-${receipt.number}.pdf`}
                  data-testid="receipt-download"
                >
                  <Download aria-hidden="true" size={18} /> <span>{t('success.download')}</span>
                </a>
                <a className="button button--secondary" href={receipt.verificationUrl}>
                  <ShieldCheck aria-hidden="true" size={18} /> <span>{t('success.verify')}</span>
                </a>
              </div>
            </div>
          ) : (
            <p role="status" className="status-line">
              <LoaderCircle aria-hidden="true" className="spin" size={20} /> {t('success.preparing')}
            </p>
          )}
          {delivered ? (
            <p>{t('success.emailed', { email: delivered })}</p>
          ) : state.receiptEmail ? (
            <p>{t('success.emailPending', { email: state.receiptEmail })}</p>
          ) : null}
          <p className="muted">{t('success.proof')}</p>
          <div className="actions">
            <Link className="button button--secondary" href="/">
              {common('backToSite')}
            </Link>
          </div>
        </>
      );
    }
    case 'declined': {
      const code = state.declineReason ?? 'other';
      const known = ['do_not_honor', 'insufficient_funds', 'otp_failed', 'expired_card'] as const;
      const reasonKey = (known as readonly string[]).includes(code) ? (code as (typeof known)[number]) : 'other';
      return (
        <>
          <Heading icon={<CircleX size={32} />}>{t('declined.title')}</Heading>
          <p data-testid="decline-reason">{t('declined.text', { reason: t(`declined.reasons.${reasonKey}`) })}</p>
          <p>{t('declined.hint')}</p>
          <Facts state={state} />
          <Ending again={t('declined.tryAgain')} />
        </>
      );
    }
    case 'cancelled':
      return (
        <>
          <Heading icon={<Ban size={32} />}>{t('cancelled.title')}</Heading>
          <p>{t('cancelled.text')}</p>
          <Ending />
        </>
      );
    case 'expired':
      return (
        <>
          <Heading icon={<Hourglass size={32} />}>{t('expired.title')}</Heading>
          <p>{t('expired.text')}</p>
          <Ending />
        </>
      );
    case 'refunded':
      return (
        <>
          <Heading icon={<Undo2 size={32} />}>{t('refunded.title')}</Heading>
          <p>{t('refunded.text')}</p>
          <Facts state={state} />
          <Ending />
        </>
      );
    default: {
      const unknown: never = screen;
      return String(unknown);
    }
  }
};
