// Tells the page guard which page was asked for, so a signed-out clerk who opens a link (a receipt's
// QR check, a payment from a colleague) comes back to that page after signing in, not to the home page.
import { NextResponse, type NextRequest } from 'next/server';

import { REQUESTED_PATH_HEADER } from './server/auth/requested-path';

export const proxy = (request: NextRequest) => {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
};

export const config = { matcher: ['/((?!api/|_next/|favicon.ico).*)'] };
