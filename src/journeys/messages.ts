// Every journey's message catalogue, for src/i18n/index.ts. Pure data: this file imports no journey code, so the
// catalogue can be built before any journey module is evaluated.
import * as bookings from "./bookings/messages.js";
import * as charts from "./charts/messages.js";
import * as checkins from "./checkins/messages.js";
import * as budget from "./budget/messages.js";
import * as contributions from "./contributions/messages.js";
import * as core from "./core/messages.js";
import * as disputes from "./disputes/messages.js";
import * as eventinfo from "./eventinfo/messages.js";
import * as events from "./events/messages.js";
import * as exportsMessages from "./exports/messages.js";
import * as invitations from "./invitations/messages.js";
import * as lifecycle from "./lifecycle/messages.js";
import * as payments from "./payments/messages.js";
import * as polls from "./polls/messages.js";
import * as privacy from "./privacy/messages.js";
import * as reminders from "./reminders/messages.js";
import * as services from "./services/messages.js";
import * as tasks from "./tasks/messages.js";

export const journeyMessages = [
  core,
  invitations,
  events,
  lifecycle,
  tasks,
  polls,
  eventinfo,
  contributions,
  budget,
  services,
  disputes,
  bookings,
  reminders,
  exportsMessages,
  checkins,
  charts,
  privacy,
  payments,
] as const;
