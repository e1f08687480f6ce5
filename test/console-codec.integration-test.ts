// The console's Temporal codec endpoint over HTTP, on the stack under test: a payload as the
// workflows write it (encrypted with PAYLOAD_ENCRYPTION_KEY) decodes for a signed-in operator, and
// for nobody else; only the Temporal UI's origin gets CORS.
import { randomUUID } from 'node:crypto';
import { hashStaffSessionToken } from '@voltpay/admin/testing';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { createEncryptionCodec } from '@voltpay/stack/payload-codec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, deleteStaffUsers, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const SECRET = '{"email":"codec-test@example.com"}';

describe('console codec endpoint', () => {
  let prisma: PrismaClient;
  const created: StaffIdentity[] = [];
  let body: string;

  beforeAll(async () => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
    const [sealed] = await createEncryptionCodec({ key: stackEnv.payloadEncryptionKey }).encode([
      { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode(SECRET) },
    ]);
    body = JSON.stringify({
      payloads: [
        {
          metadata: Object.fromEntries(Object.entries(sealed!.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
          data: Buffer.from(sealed!.data!).toString('base64'),
        },
      ],
    });
  });
  afterAll(async () => {
    await deleteStaffUsers({ prisma, users: created });
    await prisma?.$disconnect();
  });

  const sessionFor = async (roles: StaffIdentity['roles']) => {
    const staff = await createStaffUser({ prisma, roles });
    created.push(staff);
    const token = randomUUID();
    await prisma.staffSession.create({ data: { sessionToken: hashStaffSessionToken(token), userId: staff.id, expires: new Date(Date.now() + 3_600_000) } });
    return { staff, token };
  };
  const decode = (headers: Record<string, string>) =>
    fetch(`${stackEnv.adminUrl}/api/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': stackEnv.namespace, ...headers },
      body,
    });

  it('decodes for an operator signed in to the console (cookie or bearer), and audits it', async () => {
    const { staff, token } = await sessionFor(['operator']);
    const ways: Record<string, string>[] = [{ cookie: `voltpay-staff.session-token=${token}` }, { authorization: `Bearer ${token}` }];
    for (const auth of ways) {
      const response = await decode({ ...auth, ...(stackEnv.temporalUiUrl ? { origin: new URL(stackEnv.temporalUiUrl).origin } : {}) });
      expect(response.status).toBe(200);
      if (stackEnv.temporalUiUrl) expect(response.headers.get('access-control-allow-origin')).toBe(new URL(stackEnv.temporalUiUrl).origin);
      const { payloads } = (await response.json()) as { payloads: { data: string }[] };
      expect(Buffer.from(payloads[0]!.data, 'base64').toString()).toBe(SECRET);
    }
    expect(await prisma.auditLog.count({ where: { actorId: staff.email, action: 'temporal.decodePayloads' } })).toBe(2);
  });

  it('refuses the signed-out, staff without the role, and other origins', async () => {
    const signedOut = await decode({});
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).not.toContain('codec-test');
    const { token: salesToken } = await sessionFor(['sales']);
    expect((await decode({ cookie: `voltpay-staff.session-token=${salesToken}` })).status).toBe(403);
    const { token } = await sessionFor(['operator']);
    const foreign = await decode({ cookie: `voltpay-staff.session-token=${token}`, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
