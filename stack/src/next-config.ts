// The Next.js settings web and admin share; each app's next.config.ts adds only its own (and is
// where they are type-checked as NextConfig: importing Next's types here would bring its global
// declarations into every package that type-checks this one).
export const sharedNextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // Workspace packages ship TypeScript source ("just-in-time" packages).
  transpilePackages: ['@voltpay/stack', '@voltpay/prisma'],
  // Native/gRPC modules and the database driver are loaded by Node, not bundled.
  serverExternalPackages: ['@temporalio/client', '@temporalio/common', '@temporalio/proto', '@grpc/grpc-js', 'pg'],
};
