// Service providers and bookings: providers list their services, say when they are free, pause and resume; organizers
// find services free on their day and ask for one; the provider accepts (with price and deposit) or declines from the
// phone, and the organizer is told either way. Accepts are serialized per service, so a provider is never confirmed
// for two events the same day. The commands live by area: catalogue.ts, bookings.ts, packages.ts, after-booking.ts.
import { formFlow, forms } from "../../../flows/form.flow.js";
import type { Journey } from "../journey.js";
import { msgCommand, paymentCommand, reviewChoice, reviewCommand } from "./after-booking.js";
import { accept, acceptCommand, askPrice, bookCommand, decline } from "./bookings.js";
import {
  addAvailabilityOf,
  addServiceCommand,
  addServiceOf,
  availableCommand,
  myServicesCommand,
  pauseCommand,
  servicesCommand,
} from "./catalogue.js";
import { addPackageCommand, bookPackageCommand, packagesCommand } from "./packages.js";

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
    review: reviewChoice,
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
