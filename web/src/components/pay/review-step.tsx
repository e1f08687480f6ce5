'use client';
// The review: everything the resident entered, the lines and the total; "Далее" confirms (the
// workflow creates the acquirer's order) and sends the browser to the bank's card page.
import type { ResidentPaymentState } from '~/lib/api/schemas';
import { formatRoubles } from '@voltpay/domain/money';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { callPaymentApi } from '~/lib/pay/api-client';
import { formatPeriod } from '~/lib/pay/format';
import { CancelPayment } from './cancel-payment';

export const ReviewStep = ({ state }: { state: ResidentPaymentState }) => {
  const t = useTranslations('pay.review');
  const tLines = useTranslations('pay.details.lines');
  const tZones = useTranslations('pay.zones');
  const common = useTranslations('pay.common');
  const locale = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const account = state.account!;
  const quote = state.quote!;
  const paymentId = state.paymentId;

  // Back from the bank's page, a browser may show this page from its cache: ask the server again.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await callPaymentApi<{ paymentUrl: string }>({ path: `payments/${paymentId}/confirm`, locale });
    if (result.ok) {
      // The acquirer's own origin: card data is typed there, never here.
      window.location.assign(result.data.paymentUrl);
      return;
    }
    setBusy(false);
    if (result.error.code === 'WRONG_STATE' || result.error.code === 'PAYMENT_NOT_FOUND') {
      router.replace(`/pay/${paymentId}`);
      return;
    }
    setError(result.error.message);
  };

  const electricity = quote.lines.find((l) => l.kind === 'ELECTRICITY');
  return (
    <>
      <p>{t('intro')}</p>
      <dl className="facts facts--review">
        <div>
          <dt>{t('account')}</dt>
          <dd className="facts__number">{account.number}</dd>
        </div>
        <div>
          <dt>{t('address')}</dt>
          <dd>{account.districtKind === 'CITY' ? account.maskedAddress : `${account.districtName}, ${account.maskedAddress}`}</dd>
        </div>
        <div>
          <dt>{t('period')}</dt>
          <dd>{formatPeriod(quote.period, locale)}</dd>
        </div>
        <div>
          <dt>{t('electricity')}</dt>
          <dd>
            {electricity?.zones ? (
              <ul className="plain-list">
                {electricity.zones.map((z) => (
                  <li key={z.zone}>{t('readings', { zone: tZones(z.zone), start: z.start, end: z.end, kwh: z.kwh })}</li>
                ))}
              </ul>
            ) : (
              t('byAmount')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('email')}</dt>
          <dd>{state.receiptEmail ?? t('noEmail')}</dd>
        </div>
      </dl>

      <table className="lines-table lines-table--review">
        <caption>{t('lines')}</caption>
        <tbody>
          {quote.lines.map((line) => (
            <tr key={line.kind} className={line.included ? undefined : 'is-excluded'}>
              <th scope="row">
                {tLines(line.kind)}
                {line.included ? null : <span className="muted"> — {t('excluded')}</span>}
              </th>
              <td className="num" data-testid={`review-${line.kind}`}>
                {line.included ? formatRoubles(line.amountKopecks, locale) : <s>{formatRoubles(line.amountKopecks, locale)}</s>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="num" data-testid="review-total">
              <strong>{formatRoubles(quote.totalKopecks, locale)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>

      <p className="note-inline">{t('bankNote')}</p>
      {error ? (
        <p role="alert" className="form-alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={busy} aria-busy={busy}>
          {busy ? t('redirecting') : t('submit')}
        </button>
        <Link className="button button--secondary" href={`/pay/${paymentId}`}>
          {t('edit')}
        </Link>
        <CancelPayment paymentId={paymentId} />
      </div>
      {busy ? (
        <p role="status" className="visually-hidden">
          {common('working')}
        </p>
      ) : null}
    </>
  );
};
