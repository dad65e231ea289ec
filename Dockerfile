# Nuru's image: built to JavaScript in one stage, run with plain node (no TypeScript loader, nothing fetched at
# start) on the current Node LTS in the other, with Debian's Chromium for whatsapp-web.js (puppeteer's own download
# is skipped). The code also runs on Node 20; .ci/run starts it on the LTS (test/smoke/node-lts.sh).
# It runs as the unprivileged user "node", with Chromium's sandbox on: chromium-sandbox is Debian's setuid helper
# for when user namespaces are refused (docker-compose.yml says what the container needs; README, "Docker").
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends chromium chromium-sandbox && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true NODE_ENV=production
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund
# dist/ holds the service, the generated Prisma client and the migrations applied at start-up.
COPY --from=build /app/dist ./dist
# What the service writes: the WhatsApp session (a volume in docker-compose.yml) and whatsapp-web.js's cache of the
# web client. Everything else, the code included, stays root's and read-only to the service.
RUN mkdir -p /data/whatsapp /app/.wwebjs_cache && chown node:node /data/whatsapp /app/.wwebjs_cache
USER node
EXPOSE 3000
# node itself receives SIGTERM (no npm in between): it finishes work in flight and exits.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
