// The Next.js settings web and admin share; each app's next.config.ts adds only its own.
import type { NextConfig } from 'next';

export const sharedNextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // Workspace packages ship TypeScript source ("just-in-time" packages).
  transpilePackages: ['@voltpay/stack', '@voltpay/prisma'],
  // Native/gRPC modules and the database driver are loaded by Node, not bundled.
  serverExternalPackages: ['@temporalio/client', '@temporalio/common', '@temporalio/proto', '@grpc/grpc-js', 'pg'],
};
