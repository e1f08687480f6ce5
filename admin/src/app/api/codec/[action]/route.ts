// Temporal's remote codec endpoint: <ADMIN_PUBLIC_URL>/api/codec/{decode,encode} (src/server/codec).
import { createEncryptionCodec } from '@voltpay/stack/payload-codec';
import { payloadEncryptionFromEnv } from '@voltpay/stack/env';
import { prisma } from '@voltpay/prisma';
import { env } from '~/env';
import { handleCodecRequest, type CodecAction } from '~/server/codec/codec-endpoint';
import { findStaffBySessionToken, getStaffIdentity } from '~/server/auth/session';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The console's session cookie (what the Temporal UI sends with credentials included), or the same token as a bearer. */
const findStaff = async (request: Request) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer ? findStaffBySessionToken({ sessionToken: bearer }) : getStaffIdentity(request.headers);
};

const handler = async (request: Request, { params }: { params: Promise<{ action: string }> }) => {
  const { action } = await params;
  if (action !== 'decode' && action !== 'encode') return new Response('Not found', { status: 404 });
  return handleCodecRequest({
    request,
    action: action satisfies CodecAction,
    codec: createEncryptionCodec(payloadEncryptionFromEnv(env)),
    findStaff,
    prisma,
    temporalUiUrl: env.TEMPORAL_UI_URL,
    publicUrl: env.ADMIN_PUBLIC_URL,
  });
};

export { handler as POST, handler as OPTIONS };
