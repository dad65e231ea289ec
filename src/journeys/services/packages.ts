// Packages: a provider bundles their services under one price; an organizer lists them and books one, which asks
// each service's provider as its own booking request.
import { parseAmount } from "../../../flows/event-input.js";
import { splitFields } from "../../language/fields.js";
import { addPackage, listPackages, requestPackage } from "../../domain/packages.js";
import type { CommandHandler } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { formatMoney } from "../format.js";
import { askProvider, headcountOf } from "./bookings.js";

export const bookPackageCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  if (!code || !rest) return turn.say("package.book_usage");
  const tx = await turn.db();
  const event = await organizerEvent(turn, code);
  const { name, booked } = await requestPackage(tx, { eventId: event.id, packageName: rest });
  const guests = await headcountOf(turn, event.id);
  for (const { booking, service } of booked) await askProvider(turn, event, booking, service, guests, name);
  turn.say("package.booked", {
    name,
    event: event.name,
    codes: booked.map((b) => `${b.booking.code} ${b.service.name}`).join(", "),
  });
};

export const addPackageCommand: CommandHandler = async (turn, args) => {
  const [name, price, codes, description] = splitFields(args);
  const amount = price ? parseAmount(price) : undefined;
  if (!name || name.length > 80 || amount === undefined || amount <= 0 || !codes) return turn.say("package.usage");
  const pkg = await addPackage(await turn.db(), {
    userId: turn.user.id,
    name,
    price: amount,
    serviceCodes: codes.split(/[,\s]+/).filter(Boolean),
    ...(description ? { description: description.slice(0, 500) } : {}),
  });
  turn.say("package.added", { name: pkg.name, price: formatMoney(amount, "TZS") });
};

export const packagesCommand: CommandHandler = async (turn) => {
  const packages = await listPackages(await turn.db());
  if (!packages.length) return turn.say("packages.none");
  const lines = packages.map((p) =>
    turn.render({
      key: "packages.item",
      params: {
        name: p.name,
        price: formatMoney(p.price, "TZS"),
        services: p.services.map((s) => s.service?.name ?? "-").join(" + "),
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "packages.header" }), ...lines].join("\n") } });
};
