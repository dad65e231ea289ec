// Check-in at the door: a guest's entry pass as a QR image (/pass), ushers the organizer appoints (/usher), a scan
// of a pass (its deep link opens the bot with "start IN-…", or the code typed) and arrivals so far (/checkins).
import { privateOnly } from "../privacy/index.js";
import QRCode from "qrcode";
import { appointUsher, checkinCounts, doorEvent, isPassToken, passFor, scanPass } from "../../domain/checkins.js";
import { normalisePhone } from "../../domain/phones.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { render } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent, splitCode } from "../event-code.js";
import { peopleText, whenText } from "../format.js";
import { openLinks } from "../replies.js";

/** Where a scanned pass opens: the bot on WhatsApp (the text filled in) or Telegram, else the words to type. */
function passLinks(turn: Turn, token: string) {
  const { telegram, whatsapp } = openLinks(turn, token);
  return { whatsapp, telegram, qr: whatsapp ?? telegram ?? `start ${token}` };
}

const passCommand: CommandHandler = async (turn, args) => {
  // A pass is a reusable entry token: whoever sees it in a group can walk in with it.
  privateOnly(turn, turn.locale === "sw" ? "pasi" : "pass");
  const pass = await passFor(await turn.db(), { userId: turn.user.id, typed: codeOf(args), now: turn.now });
  const links = passLinks(turn, pass.token);
  const png = await QRCode.toBuffer(links.qr, { type: "png", width: 480, margin: 2, errorCorrectionLevel: "M" });
  const lines = [
    turn.render({
      key: "pass.card",
      params: {
        guest: pass.guest,
        people: peopleText(turn.locale, pass.party),
        event: pass.event.name,
        when: whenText(turn, pass.event.startTime, pass.event.timeZone),
        start: turn.render({ key: "pass.start", params: { token: pass.token } }),
      },
    }),
  ];
  if (links.telegram && links.whatsapp)
    lines.push(turn.render({ key: "pass.links", params: { telegram: links.telegram, whatsapp: links.whatsapp } }));
  turn.send({
    text: { text: lines.join("\n") },
    document: {
      filename: `pass-${pass.event.code ?? "event"}.png`,
      mimeType: "image/png",
      base64: png.toString("base64"),
    },
  });
};

const usherCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  const m = /^(\+?[\d\s()-]{6,20})(?:\s+(.+))?$/.exec(rest);
  if (!m) return turn.say("usher.usage", { code: event.code ?? "" });
  const phone = normalisePhone(m[1]!, turn.env.defaultCountry);
  if (!phone) throw new AppError("usher.phone_unreadable", { text: m[1]!.trim().slice(0, 30) });
  const usher = await appointUsher(await turn.db(), {
    eventId: event.id,
    phone,
    name: m[2]?.trim().slice(0, 80),
    defaultLocale: turn.locale,
    timeZone: event.timeZone,
  });
  turn.say(usher.added ? "usher.added" : "usher.already", { name: usher.name, phone, event: event.name });
  if (usher.added) {
    await turn.tell(
      { userIds: [usher.userId] },
      {
        type: "usher",
        eventId: event.id,
        message: (locale) => ({
          text: render(locale, {
            key: "usher.told",
            params: { organizer: turn.user.name, event: event.name, code: event.code ?? "" },
          }),
        }),
      },
    );
  }
};

const checkinsCommand: CommandHandler = async (turn, args) => {
  const tx = await turn.db();
  const event = await doorEvent(tx, { userId: turn.user.id, typed: codeOf(args) ?? "" });
  turn.say("checkins.report", { event: event.name, ...(await checkinCounts(tx, event.id)) });
};

/** A pass scanned (its link opened, or its code sent): checked in by an usher, or told what it is. */
async function scan(turn: Turn, token: string): Promise<void> {
  const result = await scanPass(await turn.db(), { token, scannerId: turn.user.id, now: turn.now });
  if (result.kind === "checked")
    return turn.say("scan.checked", {
      guest: result.guest,
      event: result.event,
      people: peopleText(turn.locale, result.party),
    });
  if (result.kind === "already")
    return turn.say("scan.already", {
      guest: result.guest,
      event: result.event,
      when: whenText(turn, result.at, result.zone),
      by: result.by,
    });
  if (result.kind === "stranger") return turn.say("scan.stranger", { event: result.event });
  turn.say("scan.unknown");
}

export const checkinsJourney: Journey = {
  name: "checkins",
  commands: [
    { en: ["pass"], sw: ["pasi"], for: "guest", help: "help.line.pass", run: passCommand },
    { en: ["usher"], sw: ["mhudumu"], for: "organizer", help: "help.line.usher", run: usherCommand },
    { en: ["checkins"], sw: ["waliofika"], for: "organizer", help: "help.line.checkins", run: checkinsCommand },
  ],
  async opens(turn, code) {
    if (!isPassToken(code)) return false;
    await scan(turn, code);
    return true;
  },
  async understand(turn, text) {
    if (!isPassToken(text)) return false;
    await scan(turn, text);
    return true;
  },
};
