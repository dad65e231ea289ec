# Nuru's image: Node 20 with Debian's Chromium for whatsapp-web.js (puppeteer's own download is skipped).
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true NODE_ENV=production
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run generate
EXPOSE 3000
# npm start applies pending migrations, then runs Nuru; SIGTERM finishes work in flight.
CMD ["npx", "tsx", "src/main.ts"]
