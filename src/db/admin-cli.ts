// npm run admin:add -- +255712345678 "Name": makes the person with this number a Nuru admin (they handle disputes by
// message, from any channel their number is linked to). Creates the person if Nuru has not met them yet.
import { loadConfig } from "../config.js";
import { normalisePhone } from "../domain/phones.js";
import { createPrisma } from "./prisma.js";

async function main(): Promise<void> {
  const [rawPhone, ...nameParts] = process.argv.slice(2);
  const config = loadConfig();
  const phone = rawPhone ? normalisePhone(rawPhone, config.DEFAULT_COUNTRY) : undefined;
  if (!phone) throw new Error('Give the admin\'s phone number (and name): npm run admin:add -- +255712345678 "Asha Admin"');
  const name = nameParts.join(" ").trim() || phone;
  const db = createPrisma(config.DATABASE_URL, 2);
  try {
    const user = await db.user.upsert({ where: { phone }, create: { phone, name }, update: {} });
    await db.admin.upsert({ where: { userId: user.id }, create: { userId: user.id, name }, update: { name } });
    console.log(`${name} (${phone}) is an admin: /disputes, /take, /resolve.`);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
