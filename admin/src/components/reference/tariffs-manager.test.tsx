// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TTariffView } from '~/server/api/routers/tariffs/list-tariffs.types';
import { Refusal, renderConsole } from '~/test-support/render';
import { TariffsManager } from './tariffs-manager';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

const tariff = (over: Partial<TTariffView>): TTariffView => ({
  id: 't',
  locality: 'URBAN',
  stove: 'GAS',
  zone: 'SINGLE',
  rateCentikopecks: 51_900,
  validFrom: '2026-07-01',
  validTo: null,
  isDemo: false,
  status: 'CURRENT',
  completedPayments: 0,
  ...over,
});

const TARIFFS = [
  tariff({ id: 'single', zone: 'SINGLE', rateCentikopecks: 51_900, completedPayments: 12 }),
  tariff({ id: 'day', zone: 'DAY', rateCentikopecks: 58_712 }),
  tariff({ id: 'night', zone: 'NIGHT', rateCentikopecks: 29_356 }),
  tariff({ id: 'next', zone: 'SINGLE', rateCentikopecks: 54_000, validFrom: '2027-01-01', status: 'FUTURE' }),
  tariff({ id: 'old', zone: 'SINGLE', rateCentikopecks: 49_000, validFrom: '2026-01-01', validTo: '2026-07-01', status: 'PAST' }),
];

afterEach(cleanup);

const list = (tariffs = TARIFFS) => ({ 'tariffs.listTariffs': () => ({ today: '2026-12-07', tariffs }) });

describe('the tariff table', () => {
  it('shows each version with its period as people read it, and lets only a future one be deleted', async () => {
    renderConsole(<TariffsManager />, list());
    const current = await screen.findByTestId('tariff-URBAN-GAS-SINGLE-2026-07-01');
    expect(within(current).getByText('5,1900')).toBeDefined();
    expect(within(current).getByText('с 01.07.2026, бессрочно')).toBeDefined();
    expect(within(current).getByText('действует')).toBeDefined();
    expect(within(current).queryByRole('button', { name: /Удалить/ })).toBeNull();
    // Stored end 01.07.2026 (exclusive) reads as the day before.
    expect(within(screen.getByTestId('tariff-URBAN-GAS-SINGLE-2026-01-01')).getByText('01.01.2026 – 30.06.2026')).toBeDefined();
    expect(within(screen.getByTestId('tariff-URBAN-GAS-SINGLE-2027-01-01')).getByRole('button', { name: /Удалить/ })).toBeDefined();
    expect(screen.getAllByText('Тарифов нет: оплата по показаниям в этой категории невозможна.')).toHaveLength(3);
  });

  it('a new version starts from the rates in force and sends only the zone whose rate was changed', async () => {
    const created: unknown[] = [];
    const { calls } = renderConsole(<TariffsManager />, {
      ...list(),
      'tariffs.createTariffVersion': (input) => {
        created.push(input);
        return { created: ['new-day'], closed: ['day'] };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Новая версия тарифа' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новая версия тарифа' });
    const day = within(dialog).getByLabelText<HTMLInputElement>('Ставка, ₽ за кВт·ч — день');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Ставка, ₽ за кВт·ч — однотарифный').value).toBe('5,1900');
    expect(day.value).toBe('5,8712');
    await userEvent.clear(day);
    await userEvent.type(day, '6,02');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Создать версию' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(created).toEqual([{ locality: 'URBAN', stove: 'GAS', validFrom: '2027-01-01', singleRate: '', dayRate: '6,02', nightRate: '' }]);
    // The table is read again after the save.
    expect(calls.filter((c) => c.path === 'tariffs.listTariffs').length).toBeGreaterThanOrEqual(2);
  });

  it('a refusal stays in the dialog, under the field it concerns', async () => {
    renderConsole(<TariffsManager />, {
      ...list(),
      'tariffs.createTariffVersion': () => {
        throw new Refusal('Проверьте поля формы.', { dayRate: ['Ставка — число больше нуля, до 4 знаков после запятой.'] });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Новая версия тарифа' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новая версия тарифа' });
    const day = within(dialog).getByLabelText('Ставка, ₽ за кВт·ч — день');
    await userEvent.clear(day);
    await userEvent.type(day, '6,02019');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Создать версию' }));
    expect(await within(dialog).findByText('Ставка — число больше нуля, до 4 знаков после запятой.')).toBeDefined();
    expect(day.getAttribute('aria-invalid')).toBe('true');
    // Tied to a field: not repeated above the form.
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('an edit sends only what changed, and warns when payments were priced by the rate', async () => {
    const updates: unknown[] = [];
    renderConsole(<TariffsManager />, {
      ...list(),
      'tariffs.updateTariff': (input) => {
        updates.push(input);
        return { id: 'single' };
      },
    });
    const current = await screen.findByTestId('tariff-URBAN-GAS-SINGLE-2026-07-01');
    await userEvent.click(within(current).getByRole('button', { name: /Изменить/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/рассчитано завершённых оплат: 12/)).toBeDefined();
    // 5,19 is the same rate as 5,1900: nothing to send but the unchanged id.
    const rate = within(dialog).getByLabelText('Ставка, ₽ за кВт·ч');
    await userEvent.clear(rate);
    await userEvent.type(rate, '5,19');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(updates).toEqual([{ id: 'single' }]));
  });
});
