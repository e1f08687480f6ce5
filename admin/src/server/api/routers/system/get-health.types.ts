import { z } from 'zod';

const ZComponentHealth = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), latencyMs: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), latencyMs: z.number().int().nonnegative(), error: z.string() }),
]);

export const ZGetHealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  service: z.string(),
  checkedAt: z.iso.datetime(),
  checks: z.object({ database: ZComponentHealth, temporal: ZComponentHealth }),
});

export type TGetHealthResponse = z.infer<typeof ZGetHealthResponse>;
