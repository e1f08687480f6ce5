// next-auth's endpoints for residents (/api/auth/*: sign-in link request, the link itself, sign-out).
// A request for a sign-in link is limited per client address before next-auth sees it.
import type { NextRequest } from 'next/server';
import { handlers, MY_PAYMENTS_PATH, RESIDENT_EMAIL_PROVIDER_ID } from '~/auth';
import { clientAddressOf } from '~/lib/api/rate-limit';
import { signInByAddressLimit } from '~/lib/resident-auth/limits';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handlers.GET;

export const POST = async (request: NextRequest): Promise<Response> => {
  if (request.nextUrl.pathname.endsWith(`/signin/${RESIDENT_EMAIL_PROVIDER_ID}`)) {
    const decision = await signInByAddressLimit().take(clientAddressOf(request.headers));
    if (!decision.allowed) return Response.redirect(new URL(`${MY_PAYMENTS_PATH}?error=TooManyRequests`, request.nextUrl), 303);
  }
  return handlers.POST(request);
};
