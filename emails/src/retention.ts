// How long the email_outbox keeps mail. Sign-in emails hold one-time links and are worth nothing
// after their quarter of an hour: gone after a day. Everything else (receipts with a resident's
// name, address and amounts) after EMAIL_OUTBOX_RETENTION.allDays: long enough to answer "I never
// got my receipt", short enough that the table is not an archive of personal data.
import type { PrismaClient } from '@voltpay/prisma';

/** The idempotency-key prefixes of sign-in emails: how the purge (and a reader) tells them apart. */
export const SIGN_IN_EMAIL_KEY_PREFIXES = { staff: 'staff-sign-in:', resident: 'resident-sign-in:' } as const;

export const EMAIL_OUTBOX_RETENTION = { signInHours: 24, allDays: 90, everyMinutes: 60 } as const;

/** Deletes what the outbox should no longer hold; returns how many rows went. Safe to run anywhere, any number of times. */
export const purgeEmailOutbox = async ({
  prisma,
  now = new Date(),
  signInHours = EMAIL_OUTBOX_RETENTION.signInHours,
  allDays = EMAIL_OUTBOX_RETENTION.allDays,
}: {
  prisma: PrismaClient;
  now?: Date;
  signInHours?: number;
  allDays?: number;
}): Promise<{ signIn: number; old: number }> => {
  const signIn = await prisma.emailOutbox.deleteMany({
    where: {
      createdAt: { lt: new Date(now.getTime() - signInHours * 3_600_000) },
      OR: Object.values(SIGN_IN_EMAIL_KEY_PREFIXES).map((prefix) => ({ idempotencyKey: { startsWith: prefix } })),
    },
  });
  const old = await prisma.emailOutbox.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - allDays * 86_400_000) } } });
  return { signIn: signIn.count, old: old.count };
};

/**
 * Runs the purge now and then every `everyMinutes` in this process (the worker's). A timer, not a
 * Temporal Schedule: one idempotent DELETE needs no history, retries or a schedule to manage, and a
 * missed run is made up by the next one; with several workers each purges, which is harmless.
 */
export const startEmailOutboxPurge = ({
  prisma,
  everyMinutes = EMAIL_OUTBOX_RETENTION.everyMinutes,
  onError,
}: {
  prisma: PrismaClient;
  everyMinutes?: number;
  onError: (error: unknown) => void;
}): (() => void) => {
  const run = () => void purgeEmailOutbox({ prisma }).catch(onError);
  run();
  const timer = setInterval(run, everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
};
