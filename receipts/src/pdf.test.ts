// The receipt PDF as a reader's viewer sees it: the text layer pdf.js extracts (what search, copy
// and screen readers get), in both languages, in whichever order one process draws them.
import type { Locale } from '@voltpay/domain';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from './document';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { formatRoubles } from './format';
import { receiptMessages } from './messages';
import { renderReceiptPdf } from './pdf';

const receipt: ReceiptDocument = {
  number: '20260106-000001',
  verificationCode: 'ABCD-EFGH-JKMN',
  verificationUrl: 'https://pay.example.ru/receipts/verify?number=20260106-000001&code=ABCD-EFGH-JKMN',
  pdfUrl: 'https://pay.example.ru/api/v1/receipts/20260106-000001.pdf?code=ABCD-EFGH-JKMN',
  issuedAt: '2026-01-05T08:30:00.000Z',
  paymentId: '6f1d2c3b-4a59-4e7f-8a1b-2c3d4e5f6a7b',
  paymentStatus: 'COMPLETED',
  account: {
    number: '99991234567',
    districtName: 'Омск',
    districtKind: 'CITY',
    settlementName: 'Омск',
    maskedAddress: 'г. Омск, ул. Тестовая, д. 12, кв. ••',
  },
  period: '2026-01',
  lines: [
    {
      kind: 'ELECTRICITY',
      amountKopecks: 1_234_56,
      kwh: 230,
      readings: [
        { zone: 'DAY', start: 12_000, end: 12_150, kwh: 150 },
        { zone: 'NIGHT', start: 4_000, end: 4_080, kwh: 80 },
      ],
    },
    { kind: 'COMMON_AREA', amountKopecks: 45_12, kwh: null, readings: [] },
    { kind: 'PENALTY', amountKopecks: 3_00, kwh: null, readings: [] },
    { kind: 'DEBT', amountKopecks: 100_00, kwh: null, readings: [] },
  ],
  totalKopecks: 1_382_68,
  cardLast4: '4242',
  acquirerOrderId: '7302584196',
  receiptEmail: null,
};

// Whitespace as a reader compares it: a wrapped line, a no-break or a narrow no-break space is one space.
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const textLayer = async (pdf: Buffer): Promise<string> => {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    let text = '';
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const content = await (await document.getPage(pageNumber)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    return squash(text);
  } finally {
    await document.destroy();
  }
};

/** Everything the receipt prints in words, each expected whole. */
const printedTexts = (locale: Locale): string[] => {
  const m = receiptMessages(locale);
  return [
    m.utilityName,
    m.title,
    m.subtitle,
    m.number,
    m.issuedAt,
    formatOmskDateTime(receipt.issuedAt, locale, { zone: true }),
    m.verificationCode,
    m.account,
    m.district,
    m.districtName(receipt.account.districtKind, receipt.account.districtName),
    m.address,
    receipt.account.maskedAddress,
    m.period,
    m.paymentId,
    m.card,
    m.acquirerOrder,
    m.line,
    m.amount,
    ...receipt.lines.map((line) => m.lines[line.kind]),
    m.kwh(230),
    m.reading('DAY', 12_000, 12_150),
    m.reading('NIGHT', 4_000, 4_080),
    ...receipt.lines.map((line) => formatRoubles(line.amountKopecks, locale)),
    m.total,
    formatRoubles(receipt.totalKopecks, locale),
    m.verifyHint,
    receipt.verificationUrl,
    m.demoNotice,
  ].map(squash);
};

describe('renderReceiptPdf', () => {
  // One worker process draws receipts in both languages one after another: what a Russian receipt
  // drew must not cost the next English one its letters (Cyrillic А, О, Р, а, е, о… are drawn from
  // the Latin letters, which the English one then needs on their own).
  it('prints every label and value whole in the text layer, in Russian and then in English', async () => {
    for (const locale of ['ru', 'en'] as const) {
      const text = await textLayer(await renderReceiptPdf(receipt, locale));
      for (const printed of printedTexts(locale)) expect(text, `${locale} receipt`).toContain(printed);
    }
    // Two renders and two pdf.js reads take seconds on a busy two-core machine.
  }, 30_000);

  it('prints the period and the common-area line in the site’s words', async () => {
    const ru = await textLayer(await renderReceiptPdf(receipt, 'ru'));
    expect(ru).toContain('Январь 2026');
    expect(ru).toContain('Электроэнергия мест общего пользования (МОП)');
    expect(ru).not.toContain(receipt.period);
    const en = await textLayer(await renderReceiptPdf(receipt, 'en'));
    expect(en).toContain('January 2026');
    expect(en).not.toContain(receipt.period);
    expect(en).not.toContain('МОП');
  }, 30_000);
});
