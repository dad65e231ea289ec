// The answers to an event as counted phrases: "1 anakuja" but "3 wanakuja", "1 person" but "3 people". Each count is a
// Label, so the message that holds them is rendered in its reader's language with the agreement of that language.
import type { EventCounts } from "../../domain/events.js";
import { counted, type Label } from "../../i18n/index.js";

export function answerCounts(c: EventCounts): {
  accepted: Label;
  declined: Label;
  maybe: Label;
  pending: Label;
  headcount: Label;
} {
  return {
    accepted: counted("guests.n.coming", c.accepted),
    declined: counted("guests.n.declined", c.declined),
    maybe: counted("guests.n.maybe", c.maybe),
    pending: counted("guests.n.pending", c.pending),
    headcount: counted("guests.n.people", c.headcount),
  };
}
