// The codec endpoint's rules without a server: signed-in operators/admins only, CORS for the
// Temporal UI's origin only, and a payload written with a rotated-out key still decodes.
import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import type { PrismaClient } from '@voltpay/prisma';
import { createEncryptionCodec } from '@voltpay/stack/payload-codec';
import { describe, expect, it, vi } from 'vitest';
import type { StaffIdentity } from '../api/trpc';
import { handleCodecRequest } from './codec-endpoint';

const UI = 'http://localhost:8233';
const CONSOLE = 'http://localhost:3001';
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const operator: StaffIdentity = { id: 'o', email: 'operator@voltpay.test', name: 'Оператор', roles: ['operator'] };
const sales: StaffIdentity = { id: 's', email: 'sales@voltpay.test', name: 'Продажи', roles: ['sales'] };

const plain: Payload = { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode('{"email":"resident@example.com"}') };
const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data!).toString('base64'),
});

const setup = ({ staff, previousKeys = [oldKey] }: { staff: StaffIdentity | null; previousKeys?: string[] }) => {
  const audit = vi.fn(async () => ({}));
  const prisma = { auditLog: { create: audit } } as unknown as PrismaClient;
  const call = (init: { method?: string; origin?: string; body?: unknown }, action: 'decode' | 'encode' = 'decode') =>
    handleCodecRequest({
      request: new Request(`${CONSOLE}/api/codec/${action}`, {
        method: init.method ?? 'POST',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...(init.origin ? { origin: init.origin } : {}) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
      action,
      codec: createEncryptionCodec({ key: newKey, previousKeys }),
      findStaff: async () => staff,
      prisma,
      temporalUiUrl: `${UI}/`,
      publicUrl: CONSOLE,
    });
  return { call, audit };
};

describe('codec endpoint', () => {
  it('decodes, for an operator, a payload encrypted with a previous key (rotation keeps old histories readable)', async () => {
    const [sealed] = await createEncryptionCodec({ key: oldKey }).encode([plain]);
    const { call, audit } = setup({ staff: operator });
    const response = await call({ origin: UI, body: { payloads: [toWire(sealed!)] } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const { payloads } = (await response.json()) as { payloads: { data: string }[] };
    expect(Buffer.from(payloads[0]!.data, 'base64').toString()).toBe('{"email":"resident@example.com"}');
    expect(audit).toHaveBeenCalledWith({ data: expect.objectContaining({ action: 'temporal.decodePayloads', actorId: operator.email, targetId: 'default' }) });
  });

  it('cannot decode it once that key is no longer configured', async () => {
    const [sealed] = await createEncryptionCodec({ key: oldKey }).encode([plain]);
    const { call } = setup({ staff: operator, previousKeys: [] });
    expect((await call({ origin: UI, body: { payloads: [toWire(sealed!)] } })).status).toBe(422);
  });

  it('round-trips encode then decode', async () => {
    const { call } = setup({ staff: operator });
    const encoded = (await (await call({ body: { payloads: [toWire(plain)] } }, 'encode')).json()) as { payloads: unknown[] };
    expect(JSON.stringify(encoded)).not.toContain(Buffer.from('resident@example.com').toString('base64'));
    const decoded = (await (await call({ body: encoded })).json()) as { payloads: { data: string }[] };
    expect(Buffer.from(decoded.payloads[0]!.data, 'base64').toString()).toContain('resident@example.com');
  });

  it('refuses the signed-out and staff without the role', async () => {
    const [sealed] = await createEncryptionCodec({ key: newKey }).encode([plain]);
    const body = { payloads: [toWire(sealed!)] };
    expect((await setup({ staff: null }).call({ origin: UI, body })).status).toBe(401);
    const refused = await setup({ staff: sales }).call({ origin: UI, body });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('resident');
  });

  it('answers CORS for the Temporal UI only', async () => {
    const { call } = setup({ staff: operator });
    const preflight = await call({ method: 'OPTIONS', origin: UI });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(UI);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);
    const foreign = await call({ method: 'OPTIONS', origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const [sealed] = await createEncryptionCodec({ key: newKey }).encode([plain]);
    const post = await call({ origin: 'https://evil.example', body: { payloads: [toWire(sealed!)] } });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body that is not a payload list', async () => {
    expect((await setup({ staff: operator }).call({ body: { nope: 1 } })).status).toBe(400);
  });
});
