import { parseRoublesToKopecks } from '@voltpay/domain/money';
import { z } from 'zod';
import { blankToUndefined, ZKopecks, ZPage, ZPageSize, ZPaymentStatus } from './shared.types';

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const PAYMENT_SORT_FIELDS = ['createdAt', 'updatedAt', 'totalKopecks', 'status'] as const;

export const ZFindPaymentsRequest = z
  .object({
    receiptNumber: optionalText(40),
    accountNumber: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[\d\s]{1,20}$/, 'Номер лицевого счёта — только цифры.')
        .optional(),
    ),
    // Trimmed before the format check: an address pasted with a space around it is still the address.
    email: z.preprocess(blankToUndefined, z.string().trim().max(254).pipe(z.email('Неверный адрес почты.')).optional()),
    cardLast4: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{4}$/, 'Четыре последние цифры карты.')
        .optional(),
    ),
    /** Roubles as typed (`1 234,56`); read into kopecks with string math, never a float. */
    amount: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(30)
        .transform((text, ctx) => {
          const kopecks = parseRoublesToKopecks(text);
          if (kopecks === null) {
            ctx.issues.push({ code: 'custom', input: text, message: 'Сумма в рублях, например 1 234,56.' });
            return z.NEVER;
          }
          return kopecks;
        })
        .optional(),
    ),
    createdFrom: z.preprocess(blankToUndefined, z.iso.date('Дата в формате ГГГГ-ММ-ДД.').optional()),
    createdTo: z.preprocess(blankToUndefined, z.iso.date('Дата в формате ГГГГ-ММ-ДД.').optional()),
    statuses: z.array(ZPaymentStatus).max(20).optional(),
    sort: z.enum(PAYMENT_SORT_FIELDS).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    page: ZPage,
    pageSize: ZPageSize,
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    path: ['createdTo'],
    message: 'Конец периода раньше начала.',
  });

export const ZPaymentListItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  status: ZPaymentStatus,
  statusReason: z.string().nullable(),
  totalKopecks: ZKopecks,
  period: z.string(),
  accountNumber: z.string(),
  receiptEmail: z.string().nullable(),
  cardLast4: z.string().nullable(),
  receiptNumber: z.string().nullable(),
});

export const ZFindPaymentsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZPaymentListItem),
});

export type TFindPaymentsRequest = z.input<typeof ZFindPaymentsRequest>;
export type TFindPaymentsResponse = z.infer<typeof ZFindPaymentsResponse>;
export type TPaymentListItem = z.infer<typeof ZPaymentListItem>;
