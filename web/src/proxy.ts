// Runs before every page of the site: a fresh CSP nonce (Next puts it on its own scripts; pages
// read it from `x-nonce`) and HSTS over https. Forms may post here or to the acquirer's pages.
import { NextResponse, type NextRequest } from 'next/server';
import { perRequestSecurityHeaders, withHeaders } from '@voltpay/stack/security-headers';

export const proxy = (request: NextRequest) => {
  const security = perRequestSecurityHeaders({ publicUrl: process.env.WEB_PUBLIC_URL, formTargets: [process.env.ACQUIRER_URL] });
  const response = NextResponse.next({ request: { headers: withHeaders(request.headers, security.request) } });
  for (const [key, value] of Object.entries(security.response)) response.headers.set(key, value);
  return response;
};

// Pages only: API answers are JSON or PDF (next.config's fixed headers cover them and static files).
export const config = { matcher: ['/((?!api/|_next/|favicon.ico).*)'] };
