// Disputes: either side of a booking raises one (admins and the other side are told); admins list, take and resolve
// them by message from any channel, and both sides hear of every change. Only admins may handle disputes.
import { adminOf, adminPeople, handleDispute, openDisputes, raiseDispute } from "../../domain/disputes.js";
import { message } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { tidingsOf } from "../replies.js";

const disputeCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([\s\S]{3,})$/.exec(args.trim());
  if (!m || m[2]!.length > 2000) return turn.say("dispute.usage");
  const tx = await turn.db();
  const text = m[2]!.trim();
  const { dispute, booking, other } = await raiseDispute(tx, { userId: turn.user.id, typed: m[1]!, description: text });
  const params = {
    name: turn.user.name,
    code: dispute.code ?? "",
    service: booking.service?.name ?? "",
    event: booking.event?.name ?? "",
    text,
  };
  if (other)
    await turn.tell(
      { userIds: [other] },
      tidingsOf("dispute", booking.eventId, message("dispute.notice_other", params)),
    );
  await turn.tell(
    { userIds: await adminPeople(tx) },
    tidingsOf("dispute", booking.eventId, message("dispute.notice_admin", params)),
  );
  turn.say("dispute.raised", { code: dispute.code ?? "" });
};

const disputesCommand: CommandHandler = async (turn) => {
  const tx = await turn.db();
  if (!(await adminOf(tx, turn.user.id))) return turn.say("disputes.not_admin");
  const rows = await openDisputes(tx);
  if (!rows.length) return turn.say("disputes.none");
  const lines = rows.map((d) =>
    turn.render({
      key: "disputes.item",
      params: {
        code: d.code ?? "-",
        service: d.service?.name ?? "-",
        event: d.event?.name ?? "-",
        name: d.raiser?.name ?? "-",
        text: (d.description ?? "").slice(0, 200),
        taken: d.assignedAdmin ? turn.render({ key: "disputes.taken" }) : "",
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "disputes.header" }), ...lines].join("\n") } });
};

const takeCommand: CommandHandler = async (turn, args) => {
  const { dispute, admin, parties } = await handleDispute(await turn.db(), {
    userId: turn.user.id,
    typed: args,
    now: turn.now,
  });
  const params = {
    admin: admin.name ?? turn.user.name,
    code: dispute.code ?? "",
    service: dispute.service?.name ?? "",
    event: dispute.event?.name ?? "",
  };
  await turn.tell({ userIds: parties }, tidingsOf("dispute", undefined, message("dispute.notice_taken", params)));
  turn.say("dispute.taken", { code: dispute.code ?? "" });
};

const resolveCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([\s\S]{2,})$/.exec(args.trim());
  if (!m) return turn.say("dispute.resolve_usage");
  const resolution = m[2]!.trim().slice(0, 2000);
  const { dispute, parties } = await handleDispute(await turn.db(), {
    userId: turn.user.id,
    typed: m[1]!,
    resolve: resolution,
    now: turn.now,
  });
  const params = {
    code: dispute.code ?? "",
    service: dispute.service?.name ?? "",
    event: dispute.event?.name ?? "",
    resolution,
  };
  await turn.tell({ userIds: parties }, tidingsOf("dispute", undefined, message("dispute.notice_resolved", params)));
  turn.say("dispute.resolved", { code: dispute.code ?? "" });
};

export const disputesJourney: Journey = {
  name: "disputes",
  commands: [
    { en: ["dispute"], sw: ["lalamiko"], for: "provider", help: "help.line.dispute", run: disputeCommand },
    { en: ["disputes"], sw: ["malalamiko"], for: "provider", help: "help.line.disputes", run: disputesCommand },
    { en: ["take"], sw: ["chukua"], for: "provider", help: "help.line.take", run: takeCommand },
    { en: ["resolve"], sw: ["suluhisha"], for: "provider", help: "help.line.resolve", run: resolveCommand },
  ],
};
