// Recognises Postgres unique-constraint violations as Prisma reports them (P2002), which is how
// concurrent duplicates of an idempotent write find out they lost the race.
import { Prisma } from './generated/client';

export const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
