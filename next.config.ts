import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  output: "standalone",
  // The end-to-end suite builds into its own folder so it never overwrites a developer's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Server actions take small forms only; anything bigger is refused before it is parsed (issue 12).
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
    // No persistent Turbopack cache for `next dev` (Next's default since 16.1 keeps one in .next/dev/cache):
    // it cannot tell when dependencies, config or the environment changed, and a stale one made `next dev`
    // recompile ("Compiled in 1ms") and reload an open page several times a second (issue 16; it went away
    // only with .next removed). A cold start compiles each page once, a few seconds more.
    turbopackFileSystemCacheForDev: false,
  },
  // The dev server logs request URLs; these carry sign-in tokens and OAuth codes, so keep them out.
  logging: { incomingRequests: { ignore: [/\/api\/auth\//, /\/api\/oauth\//] } },
  // Native/WASM packages stay out of the bundle (TOOLCHAIN.md: bundling breaks their file lookups).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "pino",
  ],
  // The Content-Security-Policy (per request, with a nonce) and HSTS (only when APP_URL is https, known at
  // run time) are set by proxy.ts; these are the same for every answer.
  async headers() {
    // The OAuth callback and the pages right after it must not leak codes or states to anything they load
    // (AMAZON.md); a later rule for the same header key wins over the global one.
    const noReferrer = [{ key: "Referrer-Policy", value: "no-referrer" }];
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/oauth/callback", headers: noReferrer },
      { source: "/appstore/login", headers: noReferrer },
      { source: "/connect/error", headers: noReferrer },
    ];
  },
};

// next-intl finds its request configuration (the partner's language) in i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
