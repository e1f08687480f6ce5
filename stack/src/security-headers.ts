// The HTTP security headers of both apps. The per-response part (a fresh CSP nonce, HSTS over
// https) is set by each app's proxy (src/proxy.ts); the fixed part by next.config's headers(), so
// static files, API answers and pages all carry it.

/** Features neither app uses: a page (or a script injected into one) cannot ask for them. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/** Headers that do not change per request (next.config headers()). */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Payment and receipt URLs are capabilities (whoever has one sees the payment): never leak them
  // to the acquirer, a font CDN or any site a link leads to.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  // For browsers without CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** A fresh, unguessable nonce for one response. */
export const createNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');

/**
 * The Content-Security-Policy of one page. Scripts run only with this response's nonce (Next puts
 * it on its own scripts when it finds the policy on the request), and what they load is trusted
 * through 'strict-dynamic'; an injected inline script or handler has no nonce and does not run.
 * Styles stay 'unsafe-inline': Mantine and Next write style attributes, and a style cannot run code.
 */
export const contentSecurityPolicy = ({ nonce, formTargets = [], dev = false }: { nonce: string; formTargets?: string[]; dev?: boolean }) =>
  [
    "default-src 'self'",
    // 'unsafe-eval' only for `next dev` (React's dev tools rebuild call stacks with eval).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // A form posts to this site, or (the payment page) to the acquirer: never anywhere else.
    `form-action ${["'self'", ...formTargets.map((url) => new URL(url).origin)].join(' ')}`,
    ...(dev ? [] : ['upgrade-insecure-requests']),
  ].join('; ');

/** Two years, subdomains included: the figure browsers' preload lists ask for. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * The per-request headers: the nonce (for the app's server components, as `x-nonce`) and the
 * policy go on the request Next renders, the policy and HSTS (https only: a browser ignores it
 * over http, and localhost must stay reachable over http) on the response.
 */
export const perRequestSecurityHeaders = ({
  publicUrl,
  formTargets = [],
  dev = process.env.NODE_ENV === 'development',
}: {
  publicUrl: string | undefined;
  formTargets?: (string | undefined)[];
  dev?: boolean;
}) => {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, formTargets: formTargets.filter((url): url is string => Boolean(url)), dev });
  const https = publicUrl?.startsWith('https:') ?? false;
  // http://localhost must keep working over http in the local stack.
  const policy = https ? csp : csp.replace('; upgrade-insecure-requests', '');
  return {
    nonce,
    request: { 'x-nonce': nonce, 'Content-Security-Policy': policy },
    response: { 'Content-Security-Policy': policy, ...(https ? { 'Strict-Transport-Security': HSTS_VALUE } : {}) },
  };
};

/** Copies the request headers and adds ours. */
export const withHeaders = (headers: Headers, extra: Record<string, string>) => {
  const copy = new Headers(headers);
  for (const [key, value] of Object.entries(extra)) copy.set(key, value);
  return copy;
};
