// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '~/test-support/render';
import { DateField } from './date-field';

afterEach(cleanup);

const Controlled = ({ initial }: { initial: string }) => {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Действует с" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
};

describe('a console date field', () => {
  it('shows a stored day as ДД.ММ.ГГГГ and submits it as YYYY-MM-DD under its name', () => {
    const { container } = renderConsole(<DateField label="Создан с" name="createdFrom" defaultValue="2026-12-07" />, {});
    expect(screen.getByLabelText<HTMLInputElement>('Создан с').value).toBe('07.12.2026');
    expect(container.querySelector<HTMLInputElement>('input[type="hidden"][name="createdFrom"]')?.value).toBe('2026-12-07');
  });

  it('takes a day typed the Russian way, and clears to empty', async () => {
    renderConsole(<Controlled initial="2026-07-01" />, {});
    const input = screen.getByLabelText<HTMLInputElement>('Действует с');
    await userEvent.clear(input);
    await userEvent.type(input, '01.01.2027');
    fireEvent.blur(input);
    expect(screen.getByTestId('value').textContent).toBe('2027-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Очистить дату' }));
    expect(screen.getByTestId('value').textContent).toBe('');
  });
});
