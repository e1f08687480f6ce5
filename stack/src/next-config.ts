// The Next.js settings web and admin share; each app's next.config.ts adds only its own (and is
// where they are type-checked as NextConfig: importing Next's types here would bring its global
// declarations into every package that type-checks this one).
import { STATIC_SECURITY_HEADERS } from './security-headers';

export const sharedNextConfig = {
  // No X-Powered-By: which framework (and so which advisories) is one less thing to tell.
  poweredByHeader: false,
  // The fixed security headers on every answer, static files included (the CSP is per request: src/proxy.ts).
  headers: async () => [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }],
  reactStrictMode: true,
  typedRoutes: true,
  // Workspace packages ship TypeScript source ("just-in-time" packages).
  transpilePackages: [
    '@voltpay/logger',
    '@voltpay/stack',
    '@voltpay/prisma',
    '@voltpay/domain',
    '@voltpay/workflows',
    '@voltpay/receipts',
    '@voltpay/emails',
    '@voltpay/acquirer-gateway',
  ],
  // Loaded by Node, not bundled: native/gRPC modules and the database driver; Temporal's workflow
  // package (its definitions are plain objects, but it must stay one copy with @temporalio/common);
  // what renders receipts and emails (@react-pdf brings its own React reconciler); and pino, whose
  // destination (sonic-boom) writes to the process's stdout by file descriptor.
  serverExternalPackages: [
    'pino',
    '@temporalio/client',
    '@temporalio/common',
    '@temporalio/proto',
    '@temporalio/workflow',
    '@grpc/grpc-js',
    'pg',
    '@react-pdf/renderer',
    'qrcode',
    '@react-email/components',
    '@react-email/render',
    'resend',
  ],
};
