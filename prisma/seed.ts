// npm run db:seed: a small, believable Tanzanian world to demo Nuru with: Neema's wedding (guests, providers,
// budget, poll, tasks, michango) and Zuhura's send-off for her daughter Amina, a second organizer whose data Neema
// must never see.
//
// Idempotent: every row has a fixed id derived from a name and is upserted with the same values, so a second run
// on the same day creates nothing and changes nothing. Dates follow the calendar (the wedding stays about two months
// away), computed from the Dar es Salaam day so that runs on one day agree.
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { TZDate } from "@date-fns/tz";
import { addDays, format, nextFriday, nextSaturday, set, startOfDay, subDays } from "date-fns";
import { Prisma, type PrismaClient } from "../src/generated/prisma/client.js";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";

export const DEMO_TIME_ZONE = "Africa/Dar_es_Salaam";

/** Namespace of the demo's ids; changing it would orphan every demo row already seeded. */
const DEMO_NAMESPACE = "a5278ba0-1ecc-4d6d-89bf-f5ff0bc9762f";

/** A stable UUID (RFC 4122 version 5: SHA-1 of namespace and name), so each demo row keeps its id across runs. */
export function demoId(name: string): string {
  const namespace = Buffer.from(DEMO_NAMESPACE.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Invitation codes go into Telegram deep links (/start <code>), so they stay short and URL-safe. */
function inviteCode(prefix: string, key: string): string {
  return `${prefix}-${createHash("sha1").update(key).digest("hex").slice(0, 6).toUpperCase()}`;
}

const money = (amount: string) => new Prisma.Decimal(amount);

type WithId<T> = T & { id: string };

interface DemoWorld {
  users: WithId<Prisma.UserCreateManyInput>[];
  services: WithId<Prisma.ServiceCreateManyInput>[];
  availability: WithId<Prisma.ServiceAvailabilityCreateManyInput>[];
  packages: WithId<Prisma.PackageCreateManyInput>[];
  packageServices: WithId<Prisma.PackageServiceCreateManyInput>[];
  events: WithId<Prisma.EventCreateManyInput>[];
  bookings: WithId<Prisma.EventServiceCreateManyInput>[];
  guests: WithId<Prisma.EventGuestCreateManyInput>[];
  invitations: WithId<Prisma.InvitationCreateManyInput>[];
  sessions: WithId<Prisma.EventSessionCreateManyInput>[];
  venueMaps: WithId<Prisma.VenueMapCreateManyInput>[];
  budgetItems: WithId<Prisma.EventBudgetItemCreateManyInput>[];
  polls: WithId<Prisma.EventPollCreateManyInput>[];
  pollOptions: WithId<Prisma.PollOptionCreateManyInput>[];
  pollVotes: WithId<Prisma.PollVoteCreateManyInput>[];
  tasks: WithId<Prisma.EventTaskCreateManyInput>[];
  contributions: WithId<Prisma.GuestContributionCreateManyInput>[];
  reviews: WithId<Prisma.ServiceReviewCreateManyInput>[];
  comments: WithId<Prisma.EventCommentCreateManyInput>[];
  shares: WithId<Prisma.EventShareCreateManyInput>[];
  chats: WithId<Prisma.ChatMessageCreateManyInput>[];
  notifications: WithId<Prisma.NotificationCreateManyInput>[];
}

export interface SeedSummary {
  organizers: { id: string; name: string; phone: string }[];
  events: { id: string; code: string; name: string; startTime: Date; organizerId: string; guests: number }[];
  /** Guests' invitations, to try in the simulator ("/start CODE" as that person). */
  invitations: { name: string; phone: string; code: string; event: string; status: string }[];
  /** Rows the demo owns, per table. */
  rows: Record<keyof DemoWorld, number>;
}

/** Local wall-clock times on Dar es Salaam calendar days, as UTC instants for the database. */
function demoCalendar(now: Date) {
  const today = startOfDay(new TZDate(now.getTime(), DEMO_TIME_ZONE));
  return {
    today,
    weddingDay: nextSaturday(addDays(today, 58)),
    sendOffDay: nextFriday(addDays(today, 20)),
    at: (day: Date, hours: number, minutes = 0): Date =>
      new Date(set(day, { hours, minutes, seconds: 0, milliseconds: 0 }).getTime()),
  };
}

interface Person {
  key: string;
  name: string;
  phone: string;
  locale: "sw" | "en";
  email?: string;
}

const people = {
  neema: { key: "neema", name: "Neema Mushi", phone: "+255754100201", locale: "sw", email: "neema.mushi@example.co.tz" },
  zuhura: { key: "zuhura", name: "Zuhura Salim", phone: "+255713220415", locale: "sw" },
  rose: { key: "rose", name: "Rose Mushi", phone: "+255688301122", locale: "sw" },
  joseph: { key: "joseph", name: "Joseph Kimaro", phone: "+255765440918", locale: "en", email: "joseph.kimaro@example.co.tz" },
  halima: { key: "halima", name: "Halima Said", phone: "+255621550734", locale: "sw" },
  emmanuel: { key: "emmanuel", name: "Emmanuel Massawe", phone: "+255744118260", locale: "en" },
  fatuma: { key: "fatuma", name: "Fatuma Juma", phone: "+255787903317", locale: "sw" },
  grace: { key: "grace", name: "Grace Mwakyusa", phone: "+255719664052", locale: "en" },
  ally: { key: "ally", name: "Ally Hassan", phone: "+255658771249", locale: "sw" },
  hamisi: { key: "hamisi", name: "Hamisi Mbwana", phone: "+255752330486", locale: "sw" },
  zainabu: { key: "zainabu", name: "Zainabu Ally", phone: "+255716882903", locale: "sw" },
  daudi: { key: "daudi", name: "Daudi Mrema", phone: "+255684129570", locale: "en", email: "studio@mrema.example.co.tz" },
  salma: { key: "salma", name: "Salma Kombo", phone: "+255767205338", locale: "sw" },
} satisfies Record<string, Person>;

type PersonKey = keyof typeof people;
const userId = (key: PersonKey) => demoId(`user:${key}`);

/** The whole demo as plain rows, in no particular order; seedDemo writes them parents first. */
export function buildDemoWorld(now: Date): DemoWorld {
  const { today, weddingDay, sendOffDay, at } = demoCalendar(now);
  const wedding = demoId("event:harusi-neema-baraka");
  const sendOff = demoId("event:sendoff-amina");
  const service = {
    mc: demoId("service:mc-hamisi"),
    catering: demoId("service:zainabu-catering"),
    photo: demoId("service:mrema-studios"),
    decor: demoId("service:salma-decor"),
  };
  const poll = demoId("poll:harusi-chakula");
  const option = (n: number) => demoId(`poll:harusi-chakula:option:${n}`);
  const invitedAt = at(subDays(today, 10), 10);
  const answeredAt = (daysAgo: number) => at(subDays(today, daysAgo), 19, 30);

  const users = Object.values(people).map((p: Person) => ({
    id: userId(p.key as PersonKey),
    name: p.name,
    phone: p.phone,
    email: p.email ?? null,
    locale: p.locale,
    timeZone: DEMO_TIME_ZONE,
  }));

  const services = [
    { id: service.mc, userId: userId("hamisi"), name: "MC Hamisi — Harusi na Sherehe", category: "MC", priceRange: "TZS 800,000 – 1,500,000", description: "MC wa Kiswahili na Kiingereza, miaka 9 ya harusi na send-off." },
    { id: service.catering, userId: userId("zainabu"), name: "Zainabu Catering", category: "Catering", priceRange: "TZS 25,000 – 40,000 kwa mgeni", description: "Pilau, biriani, nyama choma, ndizi na vinywaji baridi." },
    { id: service.photo, userId: userId("daudi"), name: "Mrema Studios", category: "Photography", priceRange: "TZS 1,200,000 – 3,000,000", description: "Picha na video za harusi, albamu ndani ya wiki mbili." },
    { id: service.decor, userId: userId("salma"), name: "Salma Decor & Maua", category: "Decor", priceRange: "TZS 2,000,000 – 5,000,000", description: "Mapambo ya ukumbi, maua na jukwaa." },
  ].map((s) => ({ ...s, isActive: true }));

  const availability = [
    { id: demoId("slot:mc:wedding"), serviceId: service.mc, startTime: at(weddingDay, 9), endTime: at(weddingDay, 23, 59), status: "booked" as const },
    { id: demoId("slot:catering:wedding"), serviceId: service.catering, startTime: at(weddingDay, 8), endTime: at(weddingDay, 23), status: "available" as const },
    { id: demoId("slot:photo:wedding"), serviceId: service.photo, startTime: at(weddingDay, 8), endTime: at(weddingDay, 23), status: "available" as const },
    { id: demoId("slot:decor:sendoff"), serviceId: service.decor, startTime: at(sendOffDay, 8), endTime: at(sendOffDay, 23), status: "booked" as const },
    { id: demoId("slot:decor:wedding-eve"), serviceId: service.decor, startTime: at(subDays(weddingDay, 1), 8), endTime: at(subDays(weddingDay, 1), 18), status: "unavailable" as const },
  ];

  const packages = [
    { id: demoId("package:harusi-dhahabu"), name: "Kifurushi cha Harusi — Dhahabu", description: "MC, chakula, picha na mapambo kwa wageni 300.", price: money("12500000") },
    { id: demoId("package:sendoff-fedha"), name: "Kifurushi cha Send-off — Fedha", description: "MC na mapambo kwa sherehe ndogo.", price: money("4200000") },
  ];
  const packageServices = [
    ...[service.mc, service.catering, service.photo, service.decor].map((serviceId) => ({ packageId: packages[0]!.id, serviceId })),
    ...[service.mc, service.decor].map((serviceId) => ({ packageId: packages[1]!.id, serviceId })),
  ].map((ps) => ({ id: demoId(`package-service:${ps.packageId}:${ps.serviceId}`), ...ps }));

  const events = [
    {
      id: wedding,
      organizerId: userId("neema"),
      name: "Harusi ya Neema na Baraka",
      type: "wedding",
      description: "Ibada ya ndoa asubuhi, sherehe jioni. Karibuni sana!",
      startTime: at(weddingDay, 10),
      endTime: at(weddingDay, 23, 30),
      location: "Diamond Jubilee Hall, Upanga, Dar es Salaam",
      budget: money("25000000"),
      status: "confirmed" as const,
      code: "HARUSI-NB",
      timeZone: DEMO_TIME_ZONE,
      currency: "TZS",
    },
    {
      id: sendOff,
      organizerId: userId("zuhura"),
      name: "Send-off ya Amina",
      type: "send-off",
      description: "Tunamuaga binti yetu Amina kwa upendo.",
      startTime: at(sendOffDay, 18),
      endTime: at(sendOffDay, 23),
      location: "Msasani Beach Club, Dar es Salaam",
      budget: money("8000000"),
      status: "confirmed" as const,
      code: "SENDOFF-AMINA",
      timeZone: DEMO_TIME_ZONE,
      currency: "TZS",
    },
  ];

  const bookings = [
    { id: demoId("booking:wedding:mc"), eventId: wedding, serviceId: service.mc, price: money("1200000"), deposit: money("400000"), bookingStatus: "confirmed" as const, respondedAt: answeredAt(12), note: "Ibada na sherehe, saa 4 asubuhi hadi saa 5 usiku." },
    { id: demoId("booking:wedding:catering"), eventId: wedding, serviceId: service.catering, price: money("9000000"), deposit: money("0"), bookingStatus: "requested" as const, respondedAt: null, note: "Wageni 300, chakula cha jioni (pilau, nyama choma, ndizi)." },
    { id: demoId("booking:sendoff:decor"), eventId: sendOff, serviceId: service.decor, price: money("2500000"), deposit: money("1000000"), bookingStatus: "confirmed" as const, respondedAt: answeredAt(6), note: "Rangi za dhahabu na nyeupe." },
  ].map((b) => ({ ...b, paymentStatus: "pending" as const }));

  const weddingGuests: [PersonKey, "accepted" | "declined" | "pending", number][] = [
    ["rose", "accepted", 2],
    ["joseph", "accepted", 3],
    ["halima", "declined", 1],
    ["emmanuel", "pending", 1],
    ["fatuma", "accepted", 4],
    ["grace", "pending", 2],
    ["ally", "declined", 1],
  ];
  const sendOffGuests: typeof weddingGuests = [
    ["grace", "accepted", 2],
    ["halima", "pending", 1],
    ["ally", "accepted", 1],
  ];
  const guestRows = (eventId: string, prefix: string, list: typeof weddingGuests) =>
    list.map(([key, rsvpStatus, partySize], i) => ({
      key,
      eventId,
      rsvpStatus,
      partySize,
      respondedAt: rsvpStatus === "pending" ? null : answeredAt(8 - i),
      code: inviteCode(prefix, `${eventId}:${key}`),
    }));
  const allGuests = [...guestRows(wedding, "HNB", weddingGuests), ...guestRows(sendOff, "AMINA", sendOffGuests)];

  const guests = allGuests.map((g) => ({
    id: demoId(`guest:${g.eventId}:${g.key}`),
    eventId: g.eventId,
    userId: userId(g.key),
    rsvpStatus: g.rsvpStatus,
    partySize: g.partySize,
    respondedAt: g.respondedAt,
  }));
  const invitations = [
    ...allGuests.map((g) => ({
      id: demoId(`invitation:${g.eventId}:${g.key}`),
      eventId: g.eventId,
      userId: userId(g.key),
      recipientName: people[g.key].name,
      recipientPhone: people[g.key].phone,
      recipientEmail: (people[g.key] as Person).email ?? null,
      rsvpStatus: g.rsvpStatus,
      code: g.code,
      sentAt: invitedAt,
      respondedAt: g.respondedAt,
    })),
    // Invited by phone but not on Nuru yet: no user and no guest row until she answers.
    {
      id: demoId(`invitation:${wedding}:shangazi-mwajuma`),
      eventId: wedding,
      userId: null,
      recipientName: "Shangazi Mwajuma",
      recipientPhone: "+255742918604",
      recipientEmail: null,
      rsvpStatus: "pending" as const,
      code: inviteCode("HNB", `${wedding}:shangazi-mwajuma`),
      sentAt: invitedAt,
      respondedAt: null,
    },
  ];

  const sessions = [
    { id: demoId("session:wedding:ceremony"), eventId: wedding, name: "Ibada ya ndoa", description: "Ceremony", startTime: at(weddingDay, 10), endTime: at(weddingDay, 12), location: "St. Joseph's Cathedral, Dar es Salaam" },
    { id: demoId("session:wedding:reception"), eventId: wedding, name: "Sherehe (mapokezi)", description: "Reception", startTime: at(weddingDay, 18), endTime: at(weddingDay, 23, 30), location: "Diamond Jubilee Hall, Upanga" },
    { id: demoId("session:sendoff:main"), eventId: sendOff, name: "Sherehe ya send-off", description: "Send-off party", startTime: at(sendOffDay, 18), endTime: at(sendOffDay, 23), location: "Msasani Beach Club" },
  ];

  const venueMaps = [
    {
      id: demoId("venue-map:wedding:hall"),
      eventId: wedding,
      serviceId: service.decor,
      name: "Diamond Jubilee Hall — mpangilio",
      mapData: {
        center: { lat: -6.8066, lng: 39.2839 },
        zones: [
          { id: "stage", name: "Jukwaa la maharusi", kind: "stage" },
          { id: "family", name: "Meza za familia", kind: "seating", tables: 6, seatsPerTable: 10 },
          { id: "guests", name: "Meza za wageni", kind: "seating", tables: 24, seatsPerTable: 10 },
          { id: "parking", name: "Maegesho", kind: "parking" },
        ],
        pins: [
          { label: "Mlango mkuu", lat: -6.8063, lng: 39.2835 },
          { label: "Meza ya zawadi", zone: "stage" },
          { label: "Chakula (buffet)", zone: "guests" },
        ],
      },
    },
  ];

  const budgetItems = [
    { key: "hall", eventId: wedding, serviceId: null, title: "Ukumbi — Diamond Jubilee Hall", cost: "4500000", paid: "4500000" },
    { key: "mc", eventId: wedding, serviceId: service.mc, title: "MC", cost: "1200000", paid: "400000" },
    { key: "catering", eventId: wedding, serviceId: service.catering, title: "Chakula na vinywaji", cost: "9000000", paid: "0" },
    { key: "photo", eventId: wedding, serviceId: service.photo, title: "Mpiga picha na video", cost: "2000000", paid: "2000000" },
    { key: "decor", eventId: wedding, serviceId: service.decor, title: "Mapambo na maua", cost: "3500000", paid: "1000000" },
    { key: "cake", eventId: wedding, serviceId: null, title: "Keki ya harusi", cost: "650000", paid: "0" },
    { key: "decor", eventId: sendOff, serviceId: service.decor, title: "Mapambo", cost: "2500000", paid: "1000000" },
  ].map(({ key, cost, paid, ...item }) => ({
    id: demoId(`budget:${item.eventId}:${key}`),
    ...item,
    cost: money(cost),
    paid: money(paid),
    status: cost === paid ? ("paid" as const) : ("pending" as const),
  }));

  const polls = [{ id: poll, eventId: wedding, question: "Chakula kikuu kiwe kipi?", createdBy: userId("neema"), closedAt: null }];
  const pollOptions = ["Pilau", "Biriani", "Wali na nyama choma"].map((optionText, i) => ({
    id: option(i + 1),
    pollId: poll,
    optionText,
    position: i + 1,
  }));
  const pollVotes = ([["rose", 1], ["joseph", 2], ["fatuma", 1]] as const).map(([key, n]) => ({
    id: demoId(`vote:${poll}:${key}`),
    pollId: poll,
    optionId: option(n),
    userId: userId(key),
  }));

  const tasks = [
    { key: "mc-programme", eventId: wedding, serviceId: service.mc, assignedTo: userId("hamisi"), title: "Thibitisha ratiba ya MC", description: "Majina ya wazazi na mpangilio wa hotuba.", status: "in_progress" as const, dueTime: at(subDays(weddingDay, 7), 17) },
    { key: "menu-tasting", eventId: wedding, serviceId: service.catering, assignedTo: userId("zainabu"), title: "Kuonja menyu ya chakula", description: null, status: "pending" as const, dueTime: at(subDays(weddingDay, 21), 11) },
    { key: "family-photos", eventId: wedding, serviceId: service.photo, assignedTo: userId("daudi"), title: "Orodha ya picha za familia", description: "Picha za pamoja baada ya ibada.", status: "pending" as const, dueTime: at(subDays(weddingDay, 3), 12) },
    { key: "hall-balance", eventId: wedding, serviceId: null, assignedTo: userId("neema"), title: "Lipa salio la ukumbi", description: null, status: "completed" as const, dueTime: at(subDays(today, 2), 16) },
    { key: "gift", eventId: sendOff, serviceId: null, assignedTo: userId("zuhura"), title: "Andaa zawadi ya Amina", description: null, status: "pending" as const, dueTime: at(subDays(sendOffDay, 2), 18) },
  ].map(({ key, ...task }) => ({ id: demoId(`task:${task.eventId}:${key}`), ...task }));

  const contributions = [
    { id: demoId("contribution:wedding:rose"), eventId: wedding, userId: userId("rose"), kind: "message" as const, content: "Hongera mwanangu! Mungu awabariki katika ndoa yenu.", amount: null, currency: null, paidAmount: money("0"), mediaUrl: null },
    { id: demoId("contribution:wedding:joseph"), eventId: wedding, userId: userId("joseph"), kind: "pledge" as const, content: "Mchango wa harusi", amount: money("200000"), currency: "TZS", paidAmount: money("50000"), mediaUrl: null },
    { id: demoId("contribution:wedding:fatuma"), eventId: wedding, userId: userId("fatuma"), kind: "photo" as const, content: "Picha ya kitchen party", amount: null, currency: null, paidAmount: money("0"), mediaUrl: "https://example.com/nuru-demo/kitchen-party.jpg" },
  ];

  const reviews = [
    { id: demoId("review:mrema-studios:joseph"), serviceId: service.photo, eventId: null, reviewerId: userId("joseph"), rating: 5, comment: "Picha nzuri sana, na albamu ilifika kwa wakati." },
  ];
  const comments = [{ id: demoId("comment:wedding:fatuma"), eventId: wedding, userId: userId("fatuma"), content: "Tutafika mapema kusaidia mapambo!" }];
  const shares = [{ id: demoId("share:wedding:joseph"), eventId: wedding, sharedBy: userId("joseph"), platform: "WhatsApp" }];
  const chats = [
    { id: demoId("chat:wedding:neema-hamisi"), eventId: wedding, senderId: userId("neema"), recipientId: userId("hamisi"), message: "Habari Hamisi, ratiba ya mwisho nitakutumia Jumatatu.", read: true },
  ];
  const notifications = [
    { id: demoId("notification:neema:joseph-accepted"), userId: userId("neema"), type: "rsvp", content: "Joseph Kimaro amekubali mwaliko (watu 3).", isRead: false },
  ];

  return {
    users,
    services,
    availability,
    packages,
    packageServices,
    events,
    bookings,
    guests,
    invitations,
    sessions,
    venueMaps,
    budgetItems,
    polls,
    pollOptions,
    pollVotes,
    tasks,
    contributions,
    reviews,
    comments,
    shares,
    chats,
    notifications,
  };
}

async function upsertEach<T extends { id: string }>(rows: T[], upsert: (row: T) => Promise<unknown>): Promise<void> {
  for (const row of rows) await upsert(row);
}

/** Writes the demo world (parents before children) in one transaction: all of it or none. */
export async function seedDemo(db: PrismaClient, options: { now?: Date } = {}): Promise<SeedSummary> {
  const world = buildDemoWorld(options.now ?? new Date());
  await db.$transaction(
    async (tx) => {
      await upsertEach(world.users, (row) => tx.user.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.services, (row) => tx.service.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.availability, (row) => tx.serviceAvailability.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.packages, (row) => tx.package.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.packageServices, (row) => tx.packageService.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.events, (row) => tx.event.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.bookings, (row) => tx.eventService.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.guests, (row) => tx.eventGuest.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.invitations, (row) => tx.invitation.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.sessions, (row) => tx.eventSession.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.venueMaps, (row) => tx.venueMap.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.budgetItems, (row) => tx.eventBudgetItem.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.polls, (row) => tx.eventPoll.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.pollOptions, (row) => tx.pollOption.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.pollVotes, (row) => tx.pollVote.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.tasks, (row) => tx.eventTask.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.contributions, (row) => tx.guestContribution.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.reviews, (row) => tx.serviceReview.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.comments, (row) => tx.eventComment.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.shares, (row) => tx.eventShare.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.chats, (row) => tx.chatMessage.upsert({ where: { id: row.id }, create: row, update: row }));
      await upsertEach(world.notifications, (row) => tx.notification.upsert({ where: { id: row.id }, create: row, update: row }));
    },
    // Some hundred round trips; the default 5 s interactive-transaction limit is too tight on a slow laptop.
    { timeout: 60_000, maxWait: 10_000 },
  );

  const organizerIds = new Set(world.events.map((e) => e.organizerId));
  return {
    organizers: world.users
      .filter((u) => organizerIds.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, phone: u.phone ?? "" })),
    events: world.events.map((e) => ({
      id: e.id,
      code: e.code ?? "",
      name: e.name,
      startTime: e.startTime as Date,
      organizerId: e.organizerId ?? "",
      guests: world.guests.filter((g) => g.eventId === e.id).length,
    })),
    invitations: world.invitations.map((i) => ({
      name: i.recipientName ?? "",
      phone: i.recipientPhone ?? "",
      code: i.code ?? "",
      event: world.events.find((e) => e.id === i.eventId)?.name ?? "",
      status: i.rsvpStatus ?? "pending",
    })),
    rows: Object.fromEntries(Object.entries(world).map(([table, rows]) => [table, rows.length])) as SeedSummary["rows"],
  };
}

function describeSummary(summary: SeedSummary): string {
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  const lines = summary.events.map((e) => {
    const organizer = summary.organizers.find((o) => o.id === e.organizerId);
    const when = format(new TZDate(e.startTime.getTime(), DEMO_TIME_ZONE), "EEE d MMM yyyy HH:mm");
    return `  ${e.code}  ${e.name}: ${when} (${DEMO_TIME_ZONE}), ${e.guests} guests, organizer ${organizer?.name} ${organizer?.phone}`;
  });
  // A few of each answer, so a tester can open an unanswered invitation and change an answered one.
  const codes = summary.invitations
    .filter((i) => i.code)
    .slice(0, 8)
    .map((i) => `  ${i.code.padEnd(12)} ${i.name} ${i.phone}: ${i.event} (${i.status})`);
  return [
    `Demo data ready: ${total} rows in ${Object.keys(summary.rows).length} tables.`,
    ...lines,
    "Invitation codes (in the simulator, chat as that phone number and send /start CODE; answer with the buttons or words):",
    ...codes,
  ].join("\n");
}

/** host:port/database, without the credentials a URL may carry. */
function databaseLabel(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "the database";
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** One line a person can act on, instead of Prisma's multi-line invocation dump. */
function describeError(err: unknown, databaseUrl?: string): string {
  const where = databaseLabel(databaseUrl);
  const code = (err as { code?: string }).code;
  const text = err instanceof Error ? err.message : String(err);
  if (code === "P2021" || code === "42P01" || /does not exist in the current database|relation .* does not exist/i.test(text)) {
    return `The Nuru tables are missing in ${where}; run npm run db:migrate first.`;
  }
  if (code === "3D000" || /database .* does not exist/i.test(text)) {
    return `Database ${where} does not exist; create it, run npm run db:migrate, then seed again.`;
  }
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(text)) {
    return `Cannot reach PostgreSQL at ${where}; is it running and is DATABASE_URL right?`;
  }
  const lastLine = text.trim().split("\n").filter(Boolean).at(-1) ?? text;
  return `Seeding failed: ${lastLine}`;
}

async function main(): Promise<void> {
  let databaseUrl: string | undefined;
  try {
    databaseUrl = loadConfig().DATABASE_URL;
    const db = createPrisma(databaseUrl, 2);
    try {
      console.log(describeSummary(await seedDemo(db)));
    } finally {
      await db.$disconnect();
    }
  } catch (err) {
    console.error(describeError(err, databaseUrl));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
