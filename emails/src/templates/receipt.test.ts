import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ReceiptEmail, receiptEmailSubject, type ReceiptEmailProps } from './receipt';

const receipt = ReceiptEmail.PreviewProps.receipt;

const renderBoth = async (props: ReceiptEmailProps) => ({
  html: await render(createElement(ReceiptEmail, props)),
  text: await render(createElement(ReceiptEmail, props), { plainText: true }),
});

describe('ReceiptEmail', () => {
  it('shows the receipt number, code, total and both links, in Russian by default', async () => {
    const { html, text } = await renderBoth({ receipt, locale: 'ru' });
    expect(html).toMatch(/<html[^>]* lang="ru"/);
    for (const part of [receipt.number, receipt.verificationCode, '1\u202F279,68\u00A0₽']) {
      expect(html).toContain(part);
      expect(text).toContain(part);
    }
    expect(html).toContain('Оплата получена');
    expect(html).toContain(`href="${receipt.pdfUrl}"`);
    expect(html).toContain(`href="${receipt.verificationUrl.replaceAll('&', '&amp;')}"`);
    expect(text).toContain(receipt.pdfUrl);
  });

  it('speaks English when asked', async () => {
    const { html } = await renderBoth({ receipt, locale: 'en' });
    expect(html).toContain('Payment received');
    expect(html).toContain('₽1,279.68');
    expect(html).not.toContain('Оплата получена');
    expect(receiptEmailSubject({ receipt, locale: 'en' })).toBe(`Electricity payment receipt No. ${receipt.number}`);
    expect(receiptEmailSubject({ receipt, locale: 'ru' })).toBe(`Квитанция № ${receipt.number} об оплате электроэнергии`);
  });
});
