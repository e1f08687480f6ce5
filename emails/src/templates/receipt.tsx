// The receipt email (RU/EN): the payment's key facts, the link that proves the receipt genuine,
// and the PDF (attached, and downloadable from the site).
/** @jsxRuntime automatic @jsxImportSource react */ // whichever tsconfig a runner picks up (tsx reads the cwd's)
import { Button, Heading, Link, Text } from '@react-email/components';
import type { Locale } from '@voltpay/domain';
import { formatPeriod } from '@voltpay/domain/period';
import type { ReceiptDocument } from '@voltpay/receipts/document';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { formatRoubles } from '@voltpay/receipts/format';
import { receiptMessages } from '@voltpay/receipts/messages';
import { FactTable, type Fact } from '../components/fact-table';
import { EmailLayout } from '../components/layout';

export type ReceiptEmailProps = { receipt: ReceiptDocument; locale: Locale };

const copy = {
  ru: {
    subject: (number: string) => `Квитанция № ${number} об оплате электроэнергии`,
    preview: (total: string) => `Оплата ${total} получена. Квитанция во вложении.`,
    heading: 'Оплата получена',
    intro: 'Спасибо! Мы получили вашу оплату. Электронная квитанция — подтверждение оплаты; она приложена к письму в формате PDF.',
    verify: 'Проверить подлинность',
    download: 'Скачать квитанцию (PDF)',
    verifyHint: 'Сотрудник отдела сбыта проверит квитанцию по её номеру и коду проверки на странице:',
    footer: 'Вы получили это письмо, потому что указали свой адрес при оплате. Отвечать на него не нужно.',
  },
  en: {
    subject: (number: string) => `Electricity payment receipt No. ${number}`,
    preview: (total: string) => `Payment of ${total} received. Your receipt is attached.`,
    heading: 'Payment received',
    intro: 'Thank you! We have received your payment. The electronic receipt is your proof of payment; it is attached as a PDF.',
    verify: 'Verify this receipt',
    download: 'Download the receipt (PDF)',
    verifyHint: 'Our sales office checks a receipt by its number and verification code on this page:',
    footer: 'You received this email because you entered your address when paying. There is no need to reply.',
  },
} as const;

export const receiptEmailSubject = ({ receipt, locale }: ReceiptEmailProps) => copy[locale].subject(receipt.number);

export const ReceiptEmail = ({ receipt, locale }: ReceiptEmailProps) => {
  const m = receiptMessages(locale);
  const c = copy[locale];
  const total = formatRoubles(receipt.totalKopecks, locale);
  const facts: Fact[] = [
    { label: m.number, value: receipt.number, strong: true },
    { label: m.verificationCode, value: receipt.verificationCode, strong: true },
    { label: m.issuedAt, value: formatOmskDateTime(receipt.issuedAt, locale, { zone: true }) },
    { label: m.account, value: receipt.account.number },
    { label: m.address, value: receipt.account.maskedAddress },
    { label: m.period, value: formatPeriod(receipt.period, locale) },
    ...receipt.lines.map((line) => ({ label: m.lines[line.kind], value: formatRoubles(line.amountKopecks, locale) })),
    { label: m.total, value: total, strong: true },
    ...(receipt.cardLast4 ? [{ label: m.card, value: `•••• ${receipt.cardLast4}` }] : []),
  ];
  return (
    <EmailLayout lang={locale} preview={c.preview(total)} brand={m.utilityName} footer={c.footer}>
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 12px' }}>
        {c.heading}
      </Heading>
      <Text style={{ fontSize: '14px', lineHeight: '20px' }}>{c.intro}</Text>
      <FactTable facts={facts} />
      <Button
        href={receipt.pdfUrl}
        style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 18px', borderRadius: '4px', fontSize: '14px', margin: '12px 0' }}
      >
        {c.download}
      </Button>
      <Text style={{ fontSize: '13px', lineHeight: '18px', color: '#333' }}>
        {c.verifyHint}{' '}
        <Link href={receipt.verificationUrl} style={{ color: '#0b4f9c' }}>
          {c.verify}
        </Link>
      </Text>
      <Text style={{ fontSize: '12px', color: '#8a1c1c' }}>{m.demoNotice}</Text>
    </EmailLayout>
  );
};

ReceiptEmail.PreviewProps = {
  locale: 'ru',
  receipt: {
    number: '20261126-000001',
    verificationCode: 'ABCD-EFGH-JKMN',
    verificationUrl: 'http://localhost:3000/receipts/verify?number=20261126-000001&code=ABCD-EFGH-JKMN',
    pdfUrl: 'http://localhost:3000/api/v1/receipts/20261126-000001.pdf?code=ABCD-EFGH-JKMN',
    issuedAt: '2026-11-26T08:30:00.000Z',
    paymentId: '00000000-0000-4000-8000-000000000001',
    paymentStatus: 'COMPLETED',
    account: { number: '99991234567', districtName: 'Омск', districtKind: 'CITY', settlementName: 'Омск', maskedAddress: 'г. Омск, ул. Ленина, д. 12, кв. ••' },
    period: '2026-10',
    lines: [
      { kind: 'ELECTRICITY', amountKopecks: 123456, kwh: 230, readings: [] },
      { kind: 'COMMON_AREA', amountKopecks: 4512, kwh: null, readings: [] },
    ],
    totalKopecks: 127968,
    cardLast4: '4242',
    acquirerOrderId: 'demo-order',
    receiptEmail: 'resident@example.com',
  },
} satisfies ReceiptEmailProps;

export default ReceiptEmail;
