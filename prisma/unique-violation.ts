// Recognises Postgres constraint violations as Prisma reports them: a unique key (P2002), which is
// how concurrent duplicates of an idempotent write find out they lost the race, and a foreign key
// (P2003), which is how a write referencing the payments row finds it not written yet.
import { Prisma } from './generated/client';

export const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export const isForeignKeyViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
