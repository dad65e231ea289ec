// npm run admin:add -- +255712345678 "Name": makes the person with this number a Nuru admin (they handle disputes by
// message, from any channel their number is linked to). Creates the person if Nuru has not met them yet.
import { loadConfig } from "../config.js";
import { normalisePhone } from "../domain/phones.js";
import { makeAdmin } from "../domain/users.js";
import { createPrisma } from "./prisma.js";

async function main(): Promise<void> {
  const [rawPhone, ...nameParts] = process.argv.slice(2);
  const config = loadConfig();
  const phone = rawPhone ? normalisePhone(rawPhone, config.DEFAULT_COUNTRY) : undefined;
  if (!phone)
    throw new Error('Give the admin\'s phone number (and name): npm run admin:add -- +255712345678 "Asha Admin"');
  const name = nameParts.join(" ").trim() || phone;
  const db = createPrisma(config.DATABASE_URL, 2);
  try {
    const admin = await makeAdmin(db, {
      phone,
      name,
      defaultLocale: config.DEFAULT_LOCALE,
      timeZone: config.DEFAULT_TIMEZONE,
    });
    console.log(
      `${name} (${phone}) is an admin (reads ${admin.locale === "sw" ? "Kiswahili" : "English"}): /disputes, /take, /resolve.`,
    );
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
