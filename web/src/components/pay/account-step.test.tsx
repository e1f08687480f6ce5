// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '~/i18n/catalogues';
import { fakeApi, renderInLocale } from '~/test-support/render';
import { AccountStep, type DistrictOption } from './account-step';

const router = vi.hoisted(() => ({ refresh: vi.fn(), replace: vi.fn(), push: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router, usePathname: () => '/pay/p-1/account' }));

const ru = MESSAGES.ru.pay.account;
const DISTRICTS: DistrictOption[] = [
  { code: 'OMSK', name: 'г. Омск', kind: 'CITY' },
  { code: 'AZOV', name: 'Азовский немецкий национальный район', kind: 'REGION_DISTRICT' },
  { code: 'TARA', name: 'Тарский район', kind: 'REGION_DISTRICT' },
];

const renderStep = (initial: Parameters<typeof AccountStep>[0]['initial'] = null) =>
  renderInLocale(<AccountStep paymentId="p-1" districts={DISTRICTS} initial={initial} />);

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the account step', () => {
  it('asks for a district first, in Russian, and sends nothing', async () => {
    const api = fakeApi({});
    renderStep();
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    expect(await screen.findByText(ru.districtRequired)).toBeDefined();
    expect(screen.getByLabelText(ru.district).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toEqual([]);
  });

  it('splits a city number into housing office and account as it is typed, and flags a letter at once', async () => {
    fakeApi({});
    renderStep();
    await userEvent.selectOptions(screen.getByLabelText(ru.district), 'OMSK');
    const number = screen.getByLabelText(ru.cityNumber);
    await userEvent.type(number, '99');
    expect(screen.getByText('Индекс ЖЭО — первые 4 цифры: введено 2')).toBeDefined();
    await userEvent.type(number, '99 1234567');
    expect(screen.getByText(/ЖЭО 9999 · лицевой счёт 1234567/)).toBeDefined();
    expect(screen.getByText(new RegExp(ru.spacesIgnored))).toBeDefined();
    await userEvent.type(number, 'Б');
    expect(screen.getByText(ru.errors.ACCOUNT_NUMBER_NOT_DIGITS)).toBeDefined();
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(number.getAttribute('aria-describedby')).toContain('accountNumber-error');
  });

  it('sends the city number without its spaces and opens the payment page', async () => {
    const api = fakeApi({ 'POST payments/p-1/account': { json: { state: {} } } });
    renderStep();
    await userEvent.selectOptions(screen.getByLabelText(ru.district), 'OMSK');
    await userEvent.type(screen.getByLabelText(ru.cityNumber), '9999 123-4567');
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith('/pay/p-1'));
    expect(api.calls).toEqual([{ method: 'POST', path: 'payments/p-1/account', lang: 'ru', body: { districtCode: 'OMSK', accountNumber: '99991234567' } }]);
  });

  it('loads a region district’s settlements, preselects the only one and sends it with a 6-digit number', async () => {
    const api = fakeApi({
      'GET districts/TARA/settlements': { json: { settlements: [{ id: 's-tara', name: 'Тара', isDistrictCentre: true }] } },
      'POST payments/p-1/account': { json: { state: {} } },
    });
    renderStep();
    await userEvent.selectOptions(screen.getByLabelText(ru.district), 'TARA');
    const settlement = screen.getByLabelText<HTMLSelectElement>(ru.settlement);
    await waitFor(() => expect(settlement.value).toBe('s-tara'));
    expect(screen.getByRole('option', { name: 'Тара (районный центр)' })).toBeDefined();
    const number = screen.getByLabelText(ru.regionNumber);
    await userEvent.type(number, '10000');
    expect(screen.getByText('Введено 5 из 6 цифр')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    expect(await screen.findByText(ru.errors.ACCOUNT_NUMBER_REGION_LENGTH)).toBeDefined();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.type(number, '1');
    expect(screen.getByText(ru.liveRegionOk)).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith('/pay/p-1'));
    expect(api.calls.at(-1)?.body).toEqual({ districtCode: 'TARA', settlementId: 's-tara', accountNumber: '100001' });
  });

  it('puts the server’s refusal under the field it concerns, focused', async () => {
    const message = 'Лицевой счёт 99991234567 не найден. Проверьте номер по квитанции.';
    fakeApi({ 'POST payments/p-1/account': { status: 404, json: { code: 'ACCOUNT_NOT_FOUND', message } } });
    renderStep();
    await userEvent.selectOptions(screen.getByLabelText(ru.district), 'OMSK');
    const number = screen.getByLabelText(ru.cityNumber);
    await userEvent.type(number, '99991234567');
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    expect(await screen.findByText(message)).toBeDefined();
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(number);
    expect(router.replace).not.toHaveBeenCalled();
  });

  it('says a failure that belongs to no field above the buttons, and a payment moved on elsewhere reloads the page', async () => {
    const unavailable = 'Сервис оплаты временно недоступен. Попробуйте через минуту.';
    let answer = { status: 503, json: { code: 'SERVICE_UNAVAILABLE', message: unavailable } };
    const api = fakeApi({ 'POST payments/p-1/account': () => answer });
    renderStep();
    await userEvent.selectOptions(screen.getByLabelText(ru.district), 'OMSK');
    await userEvent.type(screen.getByLabelText(ru.cityNumber), '99991234567');
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect((await screen.findByRole('alert')).textContent).toBe(unavailable);
    answer = { status: 409, json: { code: 'WRONG_STATE', message: 'уже оплачен' } };
    await userEvent.click(screen.getByRole('button', { name: ru.submit }));
    await waitFor(() => expect(router.refresh).toHaveBeenCalled());
    expect(router.replace).toHaveBeenCalledWith('/pay/p-1');
  });

  it('speaks English when the resident chose it', async () => {
    fakeApi({});
    renderInLocale(<AccountStep paymentId="p-1" districts={DISTRICTS} initial={null} />, 'en');
    await userEvent.click(screen.getByRole('button', { name: MESSAGES.en.pay.account.submit }));
    expect(await screen.findByText(MESSAGES.en.pay.account.districtRequired)).toBeDefined();
  });
});
