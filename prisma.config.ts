// Configuration for the stock Prisma CLI (`prisma generate`, and `prisma migrate deploy` on machines that can fetch
// Prisma's native schema engine). On machines that cannot, `npm run db:migrate` applies the same migration folders
// through the WebAssembly schema engine (scripts/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/nuru" },
});
