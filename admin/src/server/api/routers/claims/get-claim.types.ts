import { z } from 'zod';
import { ZAuditRow, ZJsonValue, ZKopecks, ZPaymentStatus } from '../payments/shared.types';
import { ZClaimId, ZClaimResolution, ZClaimStatus } from './shared.types';

export const ZGetClaimRequest = z.object({ claimId: ZClaimId });

const ZPerson = z.object({ name: z.string(), email: z.string() });

export const ZGetClaimResponse = z.object({
  claim: z.object({
    id: z.string(),
    number: z.number().int(),
    status: ZClaimStatus,
    resolution: ZClaimResolution.nullable(),
    resolutionNote: z.string().nullable(),
    residentName: z.string(),
    residentContact: z.string().nullable(),
    description: z.string(),
    receiptNumber: z.string().nullable(),
    receiptGenuine: z.boolean().nullable(),
    /** The snapshot taken at resolution (collect-evidence.ts); null until resolved. */
    evidence: ZJsonValue,
    createdAt: z.date(),
    updatedAt: z.date(),
    resolvedAt: z.date().nullable(),
    openedBy: ZPerson,
    assignee: ZPerson.nullable(),
    resolvedBy: ZPerson.nullable(),
  }),
  notes: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.date(), author: ZPerson })),
  payment: z
    .object({
      id: z.string(),
      status: ZPaymentStatus,
      statusReason: z.string().nullable(),
      totalKopecks: ZKopecks,
      period: z.string(),
      createdAt: z.date(),
      cardLast4: z.string().nullable(),
      receiptEmail: z.string().nullable(),
      accountNumber: z.string(),
      receiptNumber: z.string().nullable(),
    })
    .nullable(),
  /** Whether the books allow POSTED / REFUNDED now; null without a payment. */
  ledger: z.object({ posted: z.boolean(), refunded: z.boolean() }).nullable(),
  audit: z.array(ZAuditRow),
});

export type TGetClaimRequest = z.input<typeof ZGetClaimRequest>;
export type TGetClaimResponse = z.infer<typeof ZGetClaimResponse>;
