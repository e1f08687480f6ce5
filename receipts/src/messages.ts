// The receipt's words in Russian (first) and English, shared by the PDF and the email.
import type { DistrictKind, Locale, MeterZone, PaymentLineKind } from '@voltpay/domain';

export type ReceiptMessages = {
  utilityName: string;
  title: string;
  subtitle: string;
  number: string;
  issuedAt: string;
  verificationCode: string;
  paymentId: string;
  account: string;
  address: string;
  district: string;
  /** `г. Омск` for the city, `Азовский немецкий национальный район` for a region district. */
  districtName: (kind: DistrictKind, name: string) => string;
  period: string;
  line: string;
  amount: string;
  total: string;
  card: string;
  acquirerOrder: string;
  status: string;
  verifyHint: string;
  demoNotice: string;
  kwh: (kwh: number) => string;
  reading: (zone: MeterZone, start: number, end: number) => string;
  lines: Record<PaymentLineKind, string>;
};

const ru: ReceiptMessages = {
  utilityName: 'Энергосбыт (демо)',
  title: 'Квитанция об оплате электроэнергии',
  subtitle: 'Электронная квитанция — подтверждение оплаты банковской картой',
  number: 'Номер квитанции',
  issuedAt: 'Дата и время',
  verificationCode: 'Код проверки',
  paymentId: 'Идентификатор платежа',
  account: 'Лицевой счёт',
  address: 'Адрес',
  district: 'Район',
  districtName: (kind, name) => (kind === 'CITY' ? `г. ${name}` : `${name} район`),
  period: 'Расчётный период',
  line: 'Назначение',
  amount: 'Сумма',
  total: 'Итого оплачено',
  card: 'Карта',
  acquirerOrder: 'Номер заказа в банке',
  status: 'Состояние платежа',
  verifyHint: 'Подлинность квитанции можно проверить по QR-коду или на странице проверки по номеру и коду.',
  demoNotice: 'Демонстрационная система: платёж не является настоящим.',
  kwh: (kwh) => `${kwh} кВт·ч`,
  reading: (zone, start, end) => `${{ SINGLE: 'показания', DAY: 'день', NIGHT: 'ночь' }[zone]}: ${start} → ${end}`,
  lines: {
    ELECTRICITY: 'Электроэнергия',
    COMMON_AREA: 'Электроэнергия мест общего пользования (МОП)',
    PENALTY: 'Пени',
    DEBT: 'Задолженность',
  },
};

const en: ReceiptMessages = {
  utilityName: 'Energosbyt (demo)',
  title: 'Electricity payment receipt',
  subtitle: 'Electronic receipt — proof of a card payment',
  number: 'Receipt number',
  issuedAt: 'Date and time',
  verificationCode: 'Verification code',
  paymentId: 'Payment ID',
  account: 'Account',
  address: 'Address',
  district: 'District',
  districtName: (kind, name) => (kind === 'CITY' ? `${name} (city)` : `${name} district`),
  period: 'Billing period',
  line: 'Item',
  amount: 'Amount',
  total: 'Total paid',
  card: 'Card',
  acquirerOrder: 'Bank order number',
  status: 'Payment status',
  verifyHint: 'Check this receipt is genuine with the QR code, or on the verification page with its number and code.',
  demoNotice: 'Demo system: this is not a real payment.',
  kwh: (kwh) => `${kwh} kWh`,
  reading: (zone, start, end) => `${{ SINGLE: 'meter', DAY: 'day', NIGHT: 'night' }[zone]}: ${start} → ${end}`,
  lines: {
    ELECTRICITY: 'Electricity',
    COMMON_AREA: 'Common-area electricity',
    PENALTY: 'Penalties',
    DEBT: 'Debt',
  },
};

export const receiptMessages = (locale: Locale): ReceiptMessages => (locale === 'en' ? en : ru);
