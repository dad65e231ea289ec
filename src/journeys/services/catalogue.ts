// The provider's side of the catalogue (add a service, list their own, say when they are free, pause and resume) and
// the organizer's search of it (services free on their day, by category words).
import { parseEventDate } from "../../../flows/event-input.js";
import { forms } from "../../../flows/form.flow.js";
import { isSeparated, readTwoDateTimes, splitFields } from "../../language/fields.js";
import { addService, findMyService, findServices, listMyServices, setServiceActive } from "../../domain/catalogue.js";
import { addAvailability } from "../../domain/availability.js";
import type { Turn } from "../../engine/turn.js";
import { formatDateTime } from "../../i18n/dates.js";
import { TZDate } from "@date-fns/tz";
import type { CommandHandler } from "../journey.js";

const ratingText = (turn: Turn, rating: number | undefined) =>
  rating === undefined
    ? turn.render({ key: "services.no_rating" })
    : turn.render({ key: "services.rating", params: { rating: rating.toFixed(1) } });

export const addServiceCommand: CommandHandler = async (turn, args, tools) => {
  // "Name | category | price | description" or one per line; a name alone (or nothing) is asked about step by step.
  const [name, category, price, description] = splitFields(args);
  if (!name || !category || !price)
    return tools.startFlow(turn, forms.service.name, { about: {}, values: [name, category, price, description] });
  await addServiceOf(turn, name, category, price, description);
};

export async function addServiceOf(
  turn: Turn,
  name: string,
  category: string,
  price: string,
  description: string | undefined,
): Promise<void> {
  if (name.length > 80 || category.length > 40 || price.length > 60) return turn.say("service.usage");
  const service = await addService(await turn.db(), {
    userId: turn.user.id,
    name,
    category,
    priceRange: price,
    ...(description ? { description: description.slice(0, 500) } : {}),
  });
  turn.say("service.added", { name, category, price, code: service.code ?? "" });
}

export const myServicesCommand: CommandHandler = async (turn) => {
  const services = await listMyServices(await turn.db(), turn.user.id, turn.now);
  if (!services.length) return turn.say("services.mine_none");
  const lines = services.map((s) =>
    turn.render({
      key: "services.mine_item",
      params: {
        code: s.code ?? "",
        name: s.name,
        category: s.category ?? "-",
        price: s.priceRange ?? "-",
        paused: s.isActive === false ? turn.render({ key: "services.paused_mark" }) : "",
        rating: ratingText(turn, s.rating),
        upcoming: s.upcoming,
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "services.mine_header" }), ...lines].join("\n") } });
};

/** "S-7K2QX 2027-02-13 08:00 2027-02-13 22:00", "… 08:00 | … 22:00" or one per line -> [service, from, to]. */
function availableFields(args: string, read: (text: string) => Date | undefined): (string | undefined)[] {
  const m = /^(\S+)(?:\s+([\s\S]+))?$/.exec(args.trim());
  if (!m) return [];
  const rest = m[2]?.trim() ?? "";
  if (isSeparated(rest)) return [m[1], ...splitFields(rest)];
  const two = rest ? readTwoDateTimes(rest, read) : undefined;
  return two ? [m[1], two.from, two.to] : [m[1], rest || undefined];
}

export const availableCommand: CommandHandler = async (turn, args, tools) => {
  const [typed, from, to] = availableFields(args, (text) => parseEventDate(text, turn.timeZone, turn.now));
  if (!typed || !from || !to) {
    // The service first, so a reference that is not theirs is said now rather than after the times.
    if (typed) await findMyService(await turn.db(), { userId: turn.user.id, typed });
    return tools.startFlow(turn, forms.available.name, { about: {}, values: [typed, from, to] });
  }
  await addAvailabilityOf(turn, typed, from, to);
};

export async function addAvailabilityOf(turn: Turn, typed: string, from: string, to: string): Promise<void> {
  const service = await findMyService(await turn.db(), { userId: turn.user.id, typed });
  const start = parseEventDate(from, turn.timeZone, turn.now);
  const end = parseEventDate(to, turn.timeZone, turn.now);
  if (!start || !end) return turn.say("available.usage");
  await addAvailability(await turn.db(), { serviceId: service.id, start, end });
  turn.say("available.added", {
    service: service.name,
    from: formatDateTime(start, turn.timeZone, turn.locale),
    to: formatDateTime(end, turn.timeZone, turn.locale),
  });
}

export const pauseCommand =
  (active: boolean): CommandHandler =>
  async (turn, args) => {
    const service = await findMyService(await turn.db(), { userId: turn.user.id, typed: args });
    await setServiceActive(await turn.db(), { serviceId: service.id, active });
    if (active) turn.say("service.resumed", { service: service.name });
    else turn.say("service.paused", { service: service.name, code: service.code ?? "" });
  };

/** "2027-02-13" in the zone -> that calendar day as an instant range [start, end). */
function dayIn(date: string, timeZone: string): { start: Date; end: Date } {
  const [y, mo, d] = date.split("-").map(Number);
  const start = new TZDate(y!, mo! - 1, d!, 0, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(start.getTime() + 24 * 3600_000) };
}

export const servicesCommand: CommandHandler = async (turn, args) => {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const date = words.find((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
  const category = words.filter((w) => w !== date).join(" ") || undefined;
  const day = date ? dayIn(date, turn.timeZone) : undefined;
  const services = await findServices(await turn.db(), { ...(category ? { category } : {}), ...(day ? { day } : {}) });
  const filter = args.trim() ? turn.render({ key: "services.filter", params: { text: args.trim().slice(0, 40) } }) : "";
  if (!services.length) return turn.say("services.none", { filter });
  const lines = services.map((s) =>
    turn.render({
      key: "services.item",
      params: {
        code: s.code ?? "",
        name: s.name,
        category: s.category ?? "-",
        price: s.priceRange ?? "-",
        rating: ratingText(turn, s.rating),
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "services.header", params: { filter } }), ...lines].join("\n") } });
};
