// The journeys, in the order they are asked about free text (the first that understands it answers). Adding a journey
// is a folder under src/journeys/ and one line here and in messages.ts; no engine file changes.
import { bookingsJourney } from "./bookings/index.js";
import { checkinsJourney } from "./checkins/index.js";
import { budgetJourney } from "./budget/index.js";
import { contributionsJourney } from "./contributions/index.js";
import { coreJourney } from "./core/index.js";
import { disputesJourney } from "./disputes/index.js";
import { eventInfoJourney } from "./eventinfo/index.js";
import { eventsJourney } from "./events/index.js";
import { exportsJourney } from "./exports/index.js";
import { invitationsJourney } from "./invitations/index.js";
import { lifecycleJourney } from "./lifecycle/index.js";
import { paymentsJourney } from "./payments/index.js";
import { pollsJourney } from "./polls/index.js";
import { privacyJourney } from "./privacy/index.js";
import { remindersJourney } from "./reminders/index.js";
import { servicesJourney } from "./services/index.js";
import { tasksJourney } from "./tasks/index.js";
import type { Journey } from "./journey.js";

export const journeys: Journey[] = [
  coreJourney,
  privacyJourney,
  invitationsJourney,
  eventsJourney,
  lifecycleJourney,
  tasksJourney,
  pollsJourney,
  eventInfoJourney,
  contributionsJourney,
  budgetJourney,
  servicesJourney,
  disputesJourney,
  bookingsJourney,
  checkinsJourney,
  remindersJourney,
  exportsJourney,
  paymentsJourney,
];
