import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `Не длиннее ${max} символов.`).optional());

export const ZFindAuditEntriesRequest = z
  .object({
    actor: optionalText(254),
    action: optionalText(100),
    targetType: optionalText(60),
    targetId: optionalText(100),
    /** Omsk calendar days, `YYYY-MM-DD`, both inclusive. */
    from: z.preprocess(blankToUndefined, z.iso.date('Дата в формате ДД.ММ.ГГГГ.').optional()),
    to: z.preprocess(blankToUndefined, z.iso.date('Дата в формате ДД.ММ.ГГГГ.').optional()),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'Конец периода раньше его начала.' });

// Whatever the change recorded (plain JSON, as audit.ts wrote it).
const ZJson = z.unknown();

export const ZFindAuditEntriesResponse = z.object({
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      actorType: z.enum(['STAFF', 'SYSTEM', 'RESIDENT']),
      actorId: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      details: ZJson,
      before: ZJson,
      after: ZJson,
      createdAt: z.date(),
    }),
  ),
});

export type TFindAuditEntriesRequest = z.input<typeof ZFindAuditEntriesRequest>;
export type TFindAuditEntriesResponse = z.infer<typeof ZFindAuditEntriesResponse>;
