// The console as a Temporal remote codec server (https://docs.temporal.io/production-deployment/data-encryption):
// POST <ADMIN_PUBLIC_URL>/api/codec/decode (and /encode) with `{ payloads: [{ metadata, data }] }`,
// bytes in base64, answered in the same shape. The Temporal Web UI, pointed here with "include
// cross-origin credentials", sends the clerk's console cookie; so payloads read decrypted for
// operators and admins signed in to the console, and stay ciphertext for everyone else. Every
// decode is audited: it shows residents' emails and addresses.
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { PrismaClient, StaffRole } from '@voltpay/prisma';
import { describeError } from '@voltpay/logger';
import type { StaffIdentity } from '../api/trpc';
import { recordAudit } from '../audit/audit';
import { log } from '../log';

export type CodecAction = 'encode' | 'decode';

/** Who may read decrypted payloads: those who already see histories in the Temporal UI's work. */
export const CODEC_ROLES: StaffRole[] = ['operator', 'admin'];

type JsonPayload = { metadata?: Record<string, string> | null; data?: string | null };

const fromJson = (payload: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, new Uint8Array(Buffer.from(value, 'base64'))])),
  data: new Uint8Array(Buffer.from(payload.data ?? '', 'base64')),
});

const toJson = (payload: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

const isPayloadList = (body: unknown): body is { payloads: JsonPayload[] } =>
  typeof body === 'object' &&
  body !== null &&
  Array.isArray((body as { payloads?: unknown }).payloads) &&
  (body as { payloads: unknown[] }).payloads.every(
    (p) => typeof p === 'object' && p !== null && (typeof (p as JsonPayload).data === 'string' || (p as JsonPayload).data == null),
  );

/** CORS for the Temporal UI's origin only; any other origin gets no CORS headers, so its page cannot read the answer. */
const corsHeaders = (origin: string | null, allowedOrigin: string | undefined): Record<string, string> =>
  origin && allowedOrigin && origin === allowedOrigin
    ? {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, X-Namespace, Authorization',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      }
    : { Vary: 'Origin' };

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });

export type CodecRequestOptions = {
  request: Request;
  action: CodecAction;
  codec: PayloadCodec;
  /** The staff behind the request's console session (cookie or `Authorization: Bearer <session token>`), or null. */
  findStaff: (request: Request) => Promise<StaffIdentity | null>;
  prisma: PrismaClient;
  /** TEMPORAL_UI_URL: the one cross-origin caller allowed. */
  temporalUiUrl: string | undefined;
  /** ADMIN_PUBLIC_URL: same-origin callers (the console itself, curl with a cookie). */
  publicUrl: string;
};

export const handleCodecRequest = async ({ request, action, codec, findStaff, prisma, temporalUiUrl, publicUrl }: CodecRequestOptions): Promise<Response> => {
  const allowedOrigin = temporalUiUrl ? new URL(temporalUiUrl).origin : undefined;
  const origin = request.headers.get('origin');
  const cors = corsHeaders(origin, allowedOrigin);

  if (request.method === 'OPTIONS') return new Response(null, { status: origin && origin === allowedOrigin ? 204 : 403, headers: cors });
  if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { ...cors, Allow: 'POST, OPTIONS' });
  // A browser on another site must not spend the clerk's cookie here (the same rule as tRPC's Origin check).
  if (origin && origin !== allowedOrigin && origin !== new URL(publicUrl).origin) return json(403, { error: 'origin_not_allowed' }, cors);

  const staff = await findStaff(request);
  if (!staff) return json(401, { error: 'sign_in_required' }, cors);
  if (!staff.roles.some((role) => CODEC_ROLES.includes(role))) return json(403, { error: 'role_required', roles: CODEC_ROLES }, cors);

  const body: unknown = await request.json().catch(() => null);
  if (!isPayloadList(body)) return json(400, { error: 'expected { payloads: [{ metadata, data }] } with base64 bytes' }, cors);

  let payloads: Payload[];
  try {
    payloads = await codec[action](body.payloads.map(fromJson));
  } catch (error) {
    // An unknown key or a tampered payload: say which kind of failure, never the bytes.
    log.error({ action, staff: staff.email, error: describeError(error) }, `codec ${action} failed`);
    return json(422, { error: `could not ${action} the payloads (unknown key or damaged data)` }, cors);
  }
  if (action === 'decode') {
    await recordAudit(prisma, staff, {
      action: 'temporal.decodePayloads',
      targetType: 'temporalNamespace',
      targetId: request.headers.get('x-namespace') ?? 'unknown',
      details: { payloads: payloads.length, via: origin === allowedOrigin ? 'temporal-ui' : 'direct' },
    });
  }
  return json(200, { payloads: payloads.map(toJson) }, cors);
};
