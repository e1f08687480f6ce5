// Zod pieces the reference-data procedures share: what admins type (rates in ₽/kWh, amounts in
// roubles, dates, periods) read into what is stored, with the message each field shows when wrong.
import { parseRoublesToKopecks } from '@voltpay/domain/money';
import { z } from 'zod';
import { parseRateToCentikopecks } from './rates';

export const ZLocality = z.enum(['URBAN', 'RURAL']);
export const ZStove = z.enum(['GAS', 'ELECTRIC']);
export const ZZone = z.enum(['SINGLE', 'DAY', 'NIGHT']);
export const ZTariffPlan = z.enum(['SINGLE_RATE', 'DAY_NIGHT']);
export const ZDistrictKind = z.enum(['CITY', 'REGION_DISTRICT']);
export const ZSettlementKind = z.enum(['TOWN', 'URBAN_SETTLEMENT', 'VILLAGE', 'HAMLET']);

export const ZId = z.uuid({ error: 'Неверный идентификатор.' });

/** A calendar day, `YYYY-MM-DD`. */
export const ZIsoDate = z.iso.date({ error: 'Укажите дату (ГГГГ-ММ-ДД).' });

/** A billing period, `YYYY-MM`. */
export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Период — месяц в виде ГГГГ-ММ.' });

const RATE_MESSAGE = 'Ставка — ₽ за кВт·ч, больше нуля и не больше 4 знаков после запятой: 5,19 или 5,8712.';

/** A rate as typed, `5,19`, into hundredths of a kopeck (51900). */
export const ZRateText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const rate = parseRateToCentikopecks(text);
    if (rate === null) {
      ctx.issues.push({ code: 'custom', message: RATE_MESSAGE, input: text });
      return z.NEVER;
    }
    return rate;
  });

/** The same, where an empty field means "no rate for this zone". */
export const ZOptionalRateText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return undefined;
    const rate = parseRateToCentikopecks(text);
    if (rate === null) {
      ctx.issues.push({ code: 'custom', message: RATE_MESSAGE, input: text });
      return z.NEVER;
    }
    return rate;
  });

/** A rouble amount as typed (`1 234,56`) into kopecks; empty = none (null). */
export const ZOptionalRoublesText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return null;
    const kopecks = parseRoublesToKopecks(text);
    if (kopecks === null || kopecks <= 0 || kopecks > 100_000_000_00) {
      ctx.issues.push({ code: 'custom', message: 'Сумма в рублях больше нуля, до 2 знаков после запятой: 1 234,56.', input: text });
      return z.NEVER;
    }
    return kopecks;
  });

export const ZName = z.string().trim().min(1, { error: 'Введите название.' }).max(100, { error: 'Не длиннее 100 знаков.' });

export const ZSortOrder = z.coerce
  .number({ error: 'Порядок — целое число.' })
  .int({ error: 'Порядок — целое число.' })
  .min(0, { error: 'Порядок — от 0.' })
  .max(10_000, { error: 'Порядок — до 10 000.' });
