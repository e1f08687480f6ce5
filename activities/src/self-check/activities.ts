import type { PrismaClient } from '@voltpay/prisma';
import type { SelfCheckActivities, SelfCheckRecord } from '@voltpay/workflows/self-check';

type SelfCheckRow = { id: string; workflowId: string; message: string; createdAt: Date };

const toRecord = (row: SelfCheckRow): SelfCheckRecord => ({
  checkId: row.id,
  workflowId: row.workflowId,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
});

export const createSelfCheckActivities = ({ prisma }: { prisma: PrismaClient }) =>
  ({
    // Keyed by the check id: a retried activity finds its own row instead of writing a second one.
    recordSelfCheck: async ({ checkId, workflowId, message }) =>
      toRecord(
        await prisma.selfCheck.upsert({
          where: { id: checkId },
          create: { id: checkId, workflowId, message },
          update: {},
        }),
      ),
    readSelfCheck: async ({ checkId }) => toRecord(await prisma.selfCheck.findUniqueOrThrow({ where: { id: checkId } })),
  }) satisfies SelfCheckActivities;
