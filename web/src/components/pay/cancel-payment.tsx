'use client';
// "Отказаться от оплаты" on every one of our steps before the bank's: asks once, then cancels the
// workflow (which voids the acquirer's order if there is one) and shows the cancelled page.
import type { ResidentPaymentState } from '~/lib/api/schemas';
import { AlertDialog } from 'radix-ui';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callPaymentApi } from '~/lib/pay/api-client';

export const CancelPayment = ({
  paymentId,
  onCancelled,
}: {
  paymentId: string;
  /** The state the cancel left (a page that shows the state itself); otherwise the page is reloaded from the server. */
  onCancelled?: (state: ResidentPaymentState) => void;
}) => {
  const t = useTranslations('pay.cancel');
  const common = useTranslations('pay.common');
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    const result = await callPaymentApi<{ state: ResidentPaymentState }>({ path: `payments/${paymentId}/cancel`, locale });
    setBusy(false);
    // Already cancelled, expired or paid elsewhere: the payment's page shows what it is now.
    if (!result.ok && result.error.code !== 'WRONG_STATE') {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    if (onCancelled && result.ok) onCancelled(result.data.state);
    else if (window.location.pathname === `/pay/${paymentId}`) router.refresh();
    else router.replace(`/pay/${paymentId}`);
  };

  return (
    <div className="cancel-payment">
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <button type="button" className="button button--quiet">
            {t('button')}
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog">
            <AlertDialog.Title className="dialog__title">{t('title')}</AlertDialog.Title>
            <AlertDialog.Description className="dialog__text">{t('text')}</AlertDialog.Description>
            {error ? (
              <p role="alert" className="form-alert">
                {error}
              </p>
            ) : null}
            <div className="dialog__actions">
              <AlertDialog.Cancel asChild>
                <button type="button" className="button button--secondary">
                  {t('keep')}
                </button>
              </AlertDialog.Cancel>
              <button type="button" className="button button--danger" onClick={() => void cancel()} disabled={busy} aria-busy={busy}>
                {busy ? common('working') : t('confirm')}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
};
