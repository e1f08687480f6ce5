import { z } from 'zod';
import { ZId, ZOptionalRoublesText, ZPeriod } from '~/server/reference/schemas';
import { ZAccountPeriod } from './get-account.types';

/** Amounts as typed in roubles (`1 234,56`); an empty field removes that line for the period. */
export const ZSetDemoAccountPeriodRequest = z.object({
  accountId: ZId,
  period: ZPeriod,
  commonArea: ZOptionalRoublesText,
  penalty: ZOptionalRoublesText,
  electricity: ZOptionalRoublesText,
  debt: ZOptionalRoublesText,
});

export const ZSetDemoAccountPeriodResponse = ZAccountPeriod;

export type TSetDemoAccountPeriodRequest = z.input<typeof ZSetDemoAccountPeriodRequest>;
export type TSetDemoAccountPeriodResponse = z.infer<typeof ZSetDemoAccountPeriodResponse>;
