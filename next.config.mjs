/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the server bundle and load from
  // node_modules at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "pino",
    // graphql-js checks types with instanceof; one copy loaded from
    // node_modules keeps a bundle from holding two.
    "graphql",
  ],
  // lens-api.md §5: `/triggered-actions` is an alias of `/triggered_actions`,
  // every route below it included (`:path*` also matches no segment). The
  // query string passes through unchanged.
  rewrites() {
    return [{ source: "/triggered-actions/:path*", destination: "/triggered_actions/:path*" }];
  },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
