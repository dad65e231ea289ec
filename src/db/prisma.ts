import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;
/** The client or an interactive transaction: domain functions accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Prisma over the pg driver adapter (no engine binary needed at run time). */
export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  // The session runs in UTC because adapter-pg 7.10 drops the zone offset of timestamptz values (prisma/orm#26786):
  // on a server set to Africa/Dar_es_Salaam every stored time would be three hours off from now().
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: "-c TimeZone=UTC" }),
  });
}
