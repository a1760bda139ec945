# Latchkey: Next.js standalone server plus a bundled migration runner.
#   docker build -t latchkey .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://... -e VAULT_MASTER_KEYS=... -e APP_URL=https://... latchkey
# Migrations run before the server starts (see docker-entrypoint.sh).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/prisma-generate.ts ./scripts/prisma-generate.ts
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# The Next standalone server, and the migration runner bundled into one file (only the two WASM
# packages, which read files from their own folders, stay outside it).
RUN npm run build && npm run build:migrator

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system latchkey && useradd --system --gid latchkey --home /app latchkey
COPY --from=build --chown=latchkey:latchkey /app/.next/standalone ./
COPY --from=build --chown=latchkey:latchkey /app/.next/static ./.next/static
COPY --from=build --chown=latchkey:latchkey /app/public ./public
COPY --from=build --chown=latchkey:latchkey /app/dist/db.mjs ./dist/db.mjs
COPY --from=build --chown=latchkey:latchkey /app/prisma ./prisma
COPY --from=build --chown=latchkey:latchkey /app/node_modules/@prisma/schema-engine-wasm ./node_modules/@prisma/schema-engine-wasm
COPY --from=build --chown=latchkey:latchkey /app/node_modules/@electric-sql/pglite ./node_modules/@electric-sql/pglite
COPY --chown=latchkey:latchkey docker-entrypoint.sh ./
USER latchkey
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["./docker-entrypoint.sh"]
