// Service providers and bookings: providers list their services, say when they are free, pause and resume; organizers
// find services free on their day and ask for one; the provider accepts (with price and deposit) or declines from the
// phone, and the organizer is told either way. Accepts are serialized per service, so a provider is never confirmed
// for two events the same day.
import { parseAmount, parseEventDate } from "../../../flows/event-input.js";
import { formFlow, forms } from "../../../flows/form.flow.js";
import { isSeparated, readAmounts, readTwoDateTimes, splitFields } from "../../language/fields.js";
import { countAnswers, type OrganizerEvent } from "../../domain/events.js";
import {
  acceptBooking,
  addAvailability,
  addService,
  declineBooking,
  findMyService,
  findProviderBooking,
  findServices,
  listMyServices,
  addPackage,
  listPackages,
  rateBooking,
  recordBookingPayment,
  relayMessage,
  requestBooking,
  requestPackage,
  setServiceActive,
  type PaymentStep,
} from "../../domain/services.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { counted, label, message, render } from "../../i18n/index.js";
import { TZDate } from "@date-fns/tz";
import type { CommandHandler, Journey } from "../journey.js";
import { formatMoney, organizerEvent, splitCode, tidingsOf } from "../list.js";

const ratingText = (turn: Turn, rating: number | undefined) =>
  rating === undefined
    ? turn.render({ key: "services.no_rating" })
    : turn.render({ key: "services.rating", params: { rating: rating.toFixed(1) } });

const addServiceCommand: CommandHandler = async (turn, args, tools) => {
  // "Name | category | price | description" or one per line; a name alone (or nothing) is asked about step by step.
  const [name, category, price, description] = splitFields(args);
  if (!name || !category || !price)
    return tools.startFlow(turn, forms.service.name, { about: {}, values: [name, category, price, description] });
  await addServiceOf(turn, name, category, price, description);
};

async function addServiceOf(
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

const myServicesCommand: CommandHandler = async (turn) => {
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

const availableCommand: CommandHandler = async (turn, args, tools) => {
  const [typed, from, to] = availableFields(args, (text) => parseEventDate(text, turn.timeZone, turn.now));
  if (!typed || !from || !to) {
    // The service first, so a reference that is not theirs is said now rather than after the times.
    if (typed) await findMyService(await turn.db(), { userId: turn.user.id, typed });
    return tools.startFlow(turn, forms.available.name, { about: {}, values: [typed, from, to] });
  }
  await addAvailabilityOf(turn, typed, from, to);
};

async function addAvailabilityOf(turn: Turn, typed: string, from: string, to: string): Promise<void> {
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

const pauseCommand =
  (active: boolean): CommandHandler =>
  async (turn, args) => {
    const service = await findMyService(await turn.db(), { userId: turn.user.id, typed: args });
    await setServiceActive(await turn.db(), { serviceId: service.id, active });
    if (active) turn.say("service.resumed", { service: service.name });
    else turn.say("service.paused", { service: service.name, code: service.code ?? "" });
  };

const servicesCommand: CommandHandler = async (turn, args) => {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const date = words.find((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
  const category = words.filter((w) => w !== date).join(" ") || undefined;
  let day: { start: Date; end: Date } | undefined;
  if (date) {
    const [y, mo, d] = date.split("-").map(Number);
    const start = new TZDate(y!, mo! - 1, d!, 0, 0, 0, turn.timeZone);
    day = { start: new Date(start.getTime()), end: new Date(start.getTime() + 24 * 3600_000) };
  }
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

/** Sends the provider the request with the event's details and Accept / Decline buttons. */
async function askProvider(
  turn: Turn,
  event: OrganizerEvent,
  booking: { code: string | null },
  service: { name: string; userId: string | null },
  guests: number,
  note?: string,
): Promise<void> {
  if (!service.userId) return;
  await turn.tell(
    { userIds: [service.userId] },
    {
      type: "booking_request",
      eventId: event.id,
      message: (locale) => ({
        text: render(locale, {
          key: "book.request",
          params: {
            code: booking.code ?? "",
            organizer: turn.user.name,
            service: service.name,
            event: event.name,
            when: event.startTime
              ? formatDateTime(event.startTime, event.timeZone, locale)
              : render(locale, { key: "when.unknown" }),
            where: event.location || render(locale, { key: "where.unknown" }),
            guests: counted("book.guests", guests),
            note: note ? render(locale, { key: "book.note", params: { note } }) : "",
          },
        }),
        choices: [
          { label: render(locale, { key: "book.choice.accept" }), value: `booking:${booking.code}:accept` },
          { label: render(locale, { key: "book.choice.decline" }), value: `booking:${booking.code}:decline` },
        ],
      }),
    },
  );
}

const bookCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const m = /^(\S+)(?:\s+([\s\S]+))?$/.exec(rest);
  if (!code || !m) return turn.say("book.usage");
  const tx = await turn.db();
  const event = await organizerEvent(turn, code);
  const note = m[2]?.trim().slice(0, 300);
  const { booking, service } = await requestBooking(tx, { eventId: event.id, typed: m[1]!, ...(note ? { note } : {}) });
  const guests = (await countAnswers(tx, [event.id])).get(event.id)?.headcount ?? 0;
  await askProvider(turn, event, booking, service, guests, note);
  turn.say("book.sent", { service: service.name, event: event.name, code: booking.code ?? "" });
};

const bookPackageCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  if (!code || !rest) return turn.say("package.book_usage");
  const tx = await turn.db();
  const event = await organizerEvent(turn, code);
  const { name, booked } = await requestPackage(tx, { eventId: event.id, packageName: rest });
  const guests = (await countAnswers(tx, [event.id])).get(event.id)?.headcount ?? 0;
  for (const { booking, service } of booked) await askProvider(turn, event, booking, service, guests, name);
  turn.say("package.booked", {
    name,
    event: event.name,
    codes: booked.map((b) => `${b.booking.code} ${b.service.name}`).join(", "),
  });
};

const addPackageCommand: CommandHandler = async (turn, args) => {
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

const packagesCommand: CommandHandler = async (turn) => {
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

async function decline(turn: Turn, typed: string): Promise<void> {
  const booking = await declineBooking(await turn.db(), { userId: turn.user.id, typed, now: turn.now });
  if (booking.event?.organizerId) {
    const params = { service: booking.service?.name ?? "", event: booking.event.name };
    await turn.tell(
      { userIds: [booking.event.organizerId] },
      tidingsOf("booking_declined", booking.event.id, message("booking.declined_notice", params)),
    );
  }
  turn.say("booking.declined", { code: booking.code ?? "" });
}

/**
 * Accepting without a price (the Accept button, or "/accept B-7K2QX"): the provider is asked the price, then the
 * deposit, in a conversation. The request is checked first, so one already answered is said at once.
 */
async function askPrice(turn: Turn, typed: string, tools: Parameters<CommandHandler>[2]): Promise<void> {
  const booking = await findProviderBooking(await turn.db(), { userId: turn.user.id, typed });
  if (booking.bookingStatus !== "requested")
    throw new AppError("booking.not_open", {
      code: booking.code ?? "",
      status: label(`booking.status.${booking.bookingStatus}`),
    });
  const about = {
    code: booking.code ?? typed.toUpperCase(),
    service: booking.service?.name ?? "",
    event: booking.event?.name ?? "",
  };
  await tools.startFlow(turn, forms.accept.name, { about, values: [] });
}

const acceptCommand: CommandHandler = async (turn, args, tools) => {
  // "B-7K2QX 500,000 100,000", the amounts on their own lines, or the reference alone (then asked).
  const m = /^(\S+)(?:\s+([\s\S]+))?$/.exec(args.trim());
  if (!m) return turn.say("booking.accept_usage");
  if (!m[2]) return askPrice(turn, m[1]!, tools);
  const amounts = isSeparated(m[2]) ? splitFields(m[2]) : readAmounts(m[2]);
  const price = amounts?.[0] ? parseAmount(amounts[0]) : undefined;
  const deposit = amounts?.[1] ? parseAmount(amounts[1]) : 0;
  if (!amounts || amounts.length > 2 || price === undefined || deposit === undefined || price <= 0)
    return turn.say("booking.accept_usage");
  await accept(turn, m[1]!, price, deposit);
};

async function accept(turn: Turn, typed: string, price: number, deposit: number): Promise<void> {
  const booking = await acceptBooking(await turn.db(), { userId: turn.user.id, typed, price, deposit, now: turn.now });
  const money = (n: number) => formatMoney(n, booking.event?.currency ?? "TZS");
  if (booking.event?.organizerId) {
    const params = {
      service: booking.service?.name ?? "",
      event: booking.event.name,
      price: money(price),
      deposit: money(deposit),
    };
    await turn.tell(
      { userIds: [booking.event.organizerId] },
      tidingsOf("booking_accepted", booking.event.id, message("booking.accepted_notice", params)),
    );
  }
  turn.say("booking.accepted", {
    code: booking.code ?? "",
    service: booking.service?.name ?? "",
    event: booking.event?.name ?? "",
    price: money(price),
    deposit: money(deposit),
  });
}

const reviewCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([1-9]\d*)(?:\s+([\s\S]+))?$/.exec(args.trim());
  if (!m) return turn.say("review.usage");
  const rating = Number(m[2]);
  const comment = m[3]?.trim().slice(0, 1000);
  const { service } = await rateBooking(await turn.db(), {
    userId: turn.user.id,
    typed: m[1]!,
    rating,
    ...(comment ? { comment } : {}),
  });
  turn.say("review.saved", { service, rating, code: m[1]!.toUpperCase() });
};

const msgCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([\s\S]+)$/.exec(args.trim());
  if (!m || m[2]!.length > 2000) return turn.say("msg.usage");
  const text = m[2]!.trim();
  const relayed = await relayMessage(await turn.db(), { userId: turn.user.id, typed: m[1]!, text });
  const params = { name: turn.user.name, service: relayed.service, event: relayed.event, text, code: relayed.code };
  await turn.tell(
    { userIds: [relayed.recipientId] },
    tidingsOf("relayed", undefined, message("msg.relayed", params), {
      readReceipt: { chatMessageId: relayed.chatMessageId },
    }),
  );
  turn.say("msg.sent", { code: relayed.code });
};

const steps: Record<string, PaymentStep> = {
  deposit: "deposit",
  amana: "deposit",
  balance: "balance",
  salio: "balance",
  full: "balance",
  refund: "refund",
  rudisha: "refund",
};

const paymentCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+(\S+)$/.exec(args.trim());
  const step = m ? steps[m[2]!.toLowerCase()] : undefined;
  if (!m || !step) return turn.say("payment.usage");
  const booking = await recordBookingPayment(await turn.db(), {
    userId: turn.user.id,
    typed: m[1]!,
    step,
    now: turn.now,
  });
  const service = booking.service?.name ?? "";
  if (booking.service?.userId) {
    await turn.tell(
      { userIds: [booking.service.userId] },
      {
        type: "payment",
        eventId: booking.event?.id,
        message: (locale) => ({
          text: render(locale, {
            key: "payment.notice",
            params: {
              event: booking.event?.name ?? "",
              service,
              step: render(locale, { key: `payment.step.${step}` }),
            },
          }),
        }),
      },
    );
  }
  turn.say("payment.recorded", {
    code: booking.code ?? "",
    service,
    step: turn.render({ key: `payment.step.${step}` }),
  });
};

export const servicesJourney: Journey = {
  name: "services",
  commands: [
    { en: ["addservice"], sw: ["ongezahuduma"], for: "everyone", help: "help.line.addservice", run: addServiceCommand },
    { en: ["myservices"], sw: ["hudumazangu"], for: "provider", help: "help.line.myservices", run: myServicesCommand },
    { en: ["available"], sw: ["nipo"], for: "provider", help: "help.line.available", run: availableCommand },
    { en: ["pause"], sw: ["simamisha"], for: "provider", help: "help.line.pause", run: pauseCommand(false) },
    { en: ["resume"], sw: ["endelea"], for: "provider", run: pauseCommand(true) },
    { en: ["services"], sw: ["huduma"], for: "organizer", help: "help.line.services", run: servicesCommand },
    { en: ["book"], sw: ["agiza"], for: "organizer", help: "help.line.book", run: bookCommand },
    { en: ["packages"], sw: ["vifurushi"], for: "organizer", help: "help.line.packages", run: packagesCommand },
    {
      en: ["bookpackage"],
      sw: ["agizakifurushi"],
      for: "organizer",
      help: "help.line.bookpackage",
      run: bookPackageCommand,
    },
    {
      en: ["addpackage"],
      sw: ["ongezakifurushi"],
      for: "provider",
      help: "help.line.addpackage",
      run: addPackageCommand,
    },
    { en: ["accept"], sw: ["kubali"], for: "provider", help: "help.line.accept", run: acceptCommand },
    {
      en: ["decline"],
      sw: ["kataa"],
      for: "provider",
      help: "help.line.decline",
      run: (turn, args) => decline(turn, args),
    },
    { en: ["review", "rate"], sw: ["tathmini"], for: "organizer", help: "help.line.review", run: reviewCommand },
    { en: ["payment"], sw: ["malipooda"], for: "organizer", help: "help.line.payment", run: paymentCommand },
    { en: ["msg", "message"], sw: ["ujumbe"], for: "provider", help: "help.line.msg", run: msgCommand },
  ],
  choices: {
    // The stars asked for when an event is completed (lifecycle journey): "review:B-7K2QX:5".
    async review(turn, value) {
      const m = /^review:([A-Za-z0-9_-]+):([1-5])$/.exec(value);
      if (!m) return turn.say("choice.expired");
      const { service } = await rateBooking(await turn.db(), {
        userId: turn.user.id,
        typed: m[1]!,
        rating: Number(m[2]),
      });
      turn.say("review.saved", { service, rating: Number(m[2]), code: m[1]! });
    },
    // The buttons of a booking request: decline at once; accept asks for the price and deposit.
    async booking(turn, value, tools) {
      const m = /^booking:([A-Za-z0-9_-]+):(accept|decline)$/.exec(value);
      if (!m) return turn.say("choice.expired");
      if (m[2] === "decline") return decline(turn, m[1]!);
      await askPrice(turn, m[1]!, tools);
    },
  },
  flows: [formFlow(forms.service), formFlow(forms.available), formFlow(forms.accept)],
  actions: {
    serviceForm: (turn, { values: [name, category, price, description] }) =>
      addServiceOf(turn, name!, category!, price!, description || undefined),
    availableForm: (turn, { values: [typed, from, to] }) => addAvailabilityOf(turn, typed!, from!, to!),
    acceptForm: (turn, { about, values: [price, deposit] }) =>
      accept(turn, about.code!, Number(price), deposit ? Number(deposit) : 0),
  },
};
