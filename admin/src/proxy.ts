// Runs before every console page: a fresh CSP nonce for the page (src/app/layout.tsx reads it
// from `x-nonce`; Next puts it on its own scripts) with HSTS over https, and the page asked for,
// so a signed-out clerk who opens a link (a receipt's QR check, a payment from a colleague) comes
// back to that page after signing in, not to the home page.
import { NextResponse, type NextRequest } from 'next/server';
import { perRequestSecurityHeaders, withHeaders } from '@voltpay/stack/security-headers';

import { REQUESTED_PATH_HEADER } from './server/auth/requested-path';

export const proxy = (request: NextRequest) => {
  // The console has no forms that post elsewhere: form-action is 'self' alone.
  const security = perRequestSecurityHeaders({ publicUrl: process.env.ADMIN_PUBLIC_URL });
  const headers = withHeaders(request.headers, { ...security.request, [REQUESTED_PATH_HEADER]: `${request.nextUrl.pathname}${request.nextUrl.search}` });
  const response = NextResponse.next({ request: { headers } });
  for (const [key, value] of Object.entries(security.response)) response.headers.set(key, value);
  return response;
};

export const config = { matcher: ['/((?!api/|_next/|favicon.ico).*)'] };
