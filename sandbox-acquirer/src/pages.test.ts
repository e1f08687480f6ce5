import { describe, expect, it } from 'vitest';
import { renderOtpPage } from './pages';
import type { SandboxOrder } from './store';

const order = { orderId: 'ord_1', amountKopecks: 123_456, description: 'Электроэнергия', cardLast4: '4444', otpCode: '123456' } as SandboxOrder;

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the sandbox 3-D Secure page', () => {
  it.each([
    ['ru', 'wrong', 'Неверный код. Осталось попыток: 2.'],
    ['en', 'wrong', 'Wrong code. Attempts left: 2.'],
    ['ru', 'invalid', 'Введите 6 цифр кода.'],
  ] as const)('%s, %s code: the message once, under the field, which gets the focus', async (locale, error, message) => {
    const page = String(await renderOtpPage({ order, locale, error, attemptsLeft: 2 }));
    expect(occurrences(page, message)).toBe(1);
    expect(page).toContain(`<p class="error" id="otp-error">${message}</p>`);
    const field = /<input\s+id="otp"[^>]*>/.exec(page)?.[0] ?? '';
    expect(field).toContain('aria-describedby="otp-hint otp-error"');
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('autofocus');
  });

  it('without an error: no message and no autofocus', async () => {
    const page = String(await renderOtpPage({ order, locale: 'ru' }));
    expect(page).not.toContain('otp-error');
    expect(page).not.toContain('autofocus');
  });
});
