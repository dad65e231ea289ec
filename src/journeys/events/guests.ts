// What the organizer reads about their events: /events (each with its answers) and /guests (every guest's answer and
// party, who said STOP, who asked to join), with a chart of the answers.
import { countAnswers, listEventGuests, listOrganizerEventsWithCounts } from "../../domain/events.js";
import { listRequests } from "../../domain/invitations.js";
import { optedOutGuests } from "../../domain/opt-outs.js";
import type { Turn } from "../../engine/turn.js";
import type { CommandHandler } from "../journey.js";
import { codeOf, organizerEvent } from "../event-code.js";
import { peopleText, whenText } from "../format.js";
import { sendChart } from "../replies.js";
import { privateOnly } from "../privacy/index.js";
import { answerCounts } from "./counts.js";

export const eventsCommand: CommandHandler = async (turn) => {
  const events = await listOrganizerEventsWithCounts(await turn.db(), turn.user.id);
  if (!events.length) return turn.say("events.none");
  const lines = events.map((e) =>
    turn.render({
      key: "events.item",
      params: {
        event: e.name,
        code: e.code ?? "-",
        when: whenText(turn, e.startTime, e.timeZone),
        ...answerCounts(e.counts),
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "events.header" }), ...lines].join("\n") } });
};

/** A guest's answer as the organizer reads it ("anakuja": they are coming, not "unakuja"). */
const statusText = (turn: Turn, status: string) =>
  turn.render({
    key: `guests.status.${(["accepted", "declined", "maybe"].includes(status) ? status : "pending") as "accepted" | "declined" | "maybe" | "pending"}`,
  });

export const guestsCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "wageni" : "guests");
  const event = await organizerEvent(turn, codeOf(args));
  const tx = await turn.db();
  const [guests, counts, requests] = [
    await listEventGuests(tx, event.id),
    (await countAnswers(tx, [event.id])).get(event.id),
    await listRequests(tx, event.id),
  ];
  const stopped = await optedOutGuests(tx, event.id);
  const code = event.code ?? "";
  if (!guests.length && !requests.length) return turn.say("guests.none", { event: event.name, code });
  const c = counts ?? { accepted: 0, declined: 0, maybe: 0, pending: 0, headcount: 0 };
  const lines = [
    turn.render({
      key: "guests.header",
      params: { event: event.name, code, when: whenText(turn, event.startTime, event.timeZone), ...answerCounts(c) },
    }),
  ];
  for (const g of guests) {
    const status =
      g.status === "accepted" && g.party_size > 1
        ? turn.render({
            key: "guests.party",
            params: { status: statusText(turn, g.status), party: peopleText(turn.locale, g.party_size) },
          })
        : statusText(turn, g.status);
    // Who said STOP: the organizer knows why they hear nothing back, and that Nuru will not write to them.
    const shown = g.phone && stopped.has(g.phone) ? `${status} · ${turn.render({ key: "guests.opted_out" })}` : status;
    lines.push(turn.render({ key: "guests.item", params: { name: g.name, phone: g.phone ?? "", status: shown } }));
  }
  if (requests.length) {
    lines.push("", turn.render({ key: "guests.requests", params: { code } }));
    for (const r of requests) lines.push(`• ${r.recipientName ?? ""} ${r.recipientPhone ?? ""}`.replace(/\s+/g, " "));
  }
  turn.send({ text: { text: lines.join("\n") } });
  sendChart(turn, {
    title: turn.render({ key: "chart.guests", params: { event: event.name } }),
    subtitle: turn.render({ key: "chart.guests.sub", params: { people: c.headcount } }),
    bars: (["accepted", "declined", "maybe", "pending"] as const).map((status) => ({
      label: statusText(turn, status),
      value: c[status],
    })),
  });
};
