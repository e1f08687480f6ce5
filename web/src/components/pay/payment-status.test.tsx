// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '~/i18n/catalogues';
import { fakeApi, renderInLocale, residentState } from '~/test-support/render';
import { PaymentStatus } from './payment-status';

const router = vi.hoisted(() => ({ refresh: vi.fn(), replace: vi.fn(), push: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router, usePathname: () => '/pay/p-1' }));

const status = MESSAGES.ru.pay.status;
const cancel = MESSAGES.ru.pay.cancel;
const acquirer = { paymentUrl: 'http://127.0.0.1:4010/pay/order-1', otpPassed: false, cardLast4: null };
const receipt = {
  number: '20261207-000042',
  verificationCode: 'K7Q2-M9XD',
  verificationUrl: 'http://localhost/receipts/verify?n=20261207-000042',
  issuedAt: '2026-12-07T14:05:00.000Z',
  totalKopecks: 123_456,
};

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the payment’s status page', () => {
  it('back from the bank: tells the workflow once, shows what it answered and keeps the payment’s own address', async () => {
    const api = fakeApi({ 'POST payments/p-1/return': { json: { state: residentState({ status: 'PROCESSING', revision: 5, acquirer }) } } });
    const replaceState = vi.spyOn(window.history, 'replaceState');
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'AWAITING_CARD', revision: 4, acquirer })} returning />);
    expect(screen.getAllByText(status.checking).length).toBeGreaterThan(0);
    expect(await screen.findByRole('heading', { name: status.processing.title })).toBeDefined();
    expect(api.calls.filter((c) => c.path === 'payments/p-1/return')).toHaveLength(1);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/pay/p-1');
  });

  it('asks again until the payment is credited and its receipt is out, then stops asking', async () => {
    let answer = residentState({ status: 'POSTING', revision: 7, acquirer: { ...acquirer, otpPassed: true, cardLast4: '3220' } });
    const api = fakeApi({ 'GET payments/p-1': () => ({ json: { state: answer } }) });
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'PROCESSING', revision: 6, acquirer })} />);
    expect(screen.getByRole('heading', { name: status.processing.title })).toBeDefined();
    await waitFor(() => expect(screen.getByRole('heading', { name: status.success.title })).toBeDefined(), { timeout: 3_000 });
    expect(screen.getByText(status.success.textCharged)).toBeDefined();
    expect(screen.getByText('•••• 3220')).toBeDefined();
    answer = residentState({ status: 'COMPLETED', revision: 9, acquirer: { ...acquirer, otpPassed: true, cardLast4: '3220' }, receipt });
    await waitFor(() => expect(screen.getByTestId('receipt-number').textContent).toBe('Квитанция № 20261207-000042'), { timeout: 3_000 });
    expect(screen.getByText(status.success.text)).toBeDefined();
    // 1 234,56 ₽ however the locale spaces its thousands
    expect(screen.getByTestId('status-amount').textContent?.replace(/\s/g, ' ')).toBe('1 234,56 ₽');
    const download = screen.getByTestId('receipt-download');
    expect(download.getAttribute('href')).toBe('/api/v1/receipts/20261207-000042.pdf?code=K7Q2-M9XD&lang=ru');
    const asked = api.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(api.calls.length).toBe(asked);
  });

  it('keeps what it knows and says so when the service does not answer', async () => {
    fakeApi({ 'GET payments/p-1': { status: 503, json: { code: 'SERVICE_UNAVAILABLE', message: 'недоступен' } } });
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'PROCESSING', acquirer })} />);
    expect(await screen.findByText(status.unavailable.text, {}, { timeout: 3_000 })).toBeDefined();
    expect(screen.getByRole('heading', { name: status.processing.title })).toBeDefined();
  });

  it('says the bank’s reason in words, and “no reason given” for a code it does not know', () => {
    fakeApi({});
    const { unmount } = renderInLocale(<PaymentStatus initialState={residentState({ status: 'DECLINED', declineReason: 'insufficient_funds' })} />);
    expect(screen.getByTestId('decline-reason').textContent).toContain(status.declined.reasons.insufficient_funds);
    unmount();
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'DECLINED', declineReason: 'card_velocity_exceeded' })} />);
    expect(screen.getByTestId('decline-reason').textContent).toContain(status.declined.reasons.other);
  });

  it('on the bank’s page the resident may still cancel: asked once, then the cancelled page without a reload', async () => {
    const api = fakeApi({ 'POST payments/p-1/cancel': { json: { state: residentState({ status: 'CANCELLED', revision: 8 }) } } });
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'AWAITING_CARD', revision: 7, acquirer })} />);
    expect(screen.getByRole('link', { name: status.awaitingCard.open }).getAttribute('href')).toBe(acquirer.paymentUrl);
    await userEvent.click(screen.getByRole('button', { name: cancel.button }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: cancel.keep }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.calls.filter((c) => c.path.endsWith('/cancel'))).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: cancel.button }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: cancel.confirm }));
    expect(await screen.findByRole('heading', { name: status.cancelled.title })).toBeDefined();
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it('a cancel the service refuses stays in the dialog with the reason', async () => {
    const message = 'Сервис оплаты временно недоступен. Попробуйте через минуту.';
    fakeApi({ 'POST payments/p-1/cancel': { status: 503, json: { code: 'SERVICE_UNAVAILABLE', message } } });
    renderInLocale(<PaymentStatus initialState={residentState({ status: 'AWAITING_CARD', acquirer })} />);
    await userEvent.click(screen.getByRole('button', { name: cancel.button }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: cancel.confirm }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(message);
    // The page behind the dialog (hidden from assistive tech while it is open) still shows the bank's step.
    expect(screen.getByRole('heading', { name: status.awaitingCard.title, hidden: true })).toBeDefined();
  });
});
