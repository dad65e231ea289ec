// What a message means to a flow waiting for an answer: its content as flow input, a typed number as the numbered
// choice it picks, a vote in a native poll as the choice it stands for.
import type { InboundEvent } from "../channels/channel.js";
import type { FlowInput } from "../../flows/types.js";
import type { Turn } from "./turn.js";

/** A number typed in answer to numbered choices means that choice (WhatsApp has no buttons). */
export function toFlowInput(turn: Turn, event: InboundEvent): FlowInput | undefined {
  const c = event.content;
  if (c.kind === "text") {
    const n = /^\s*(\d{1,2})\s*\.?\s*$/.exec(c.text);
    const offered = turn.conversation?.offered ?? [];
    if (n && Number(n[1]) >= 1 && Number(n[1]) <= offered.length)
      return { kind: "choice", value: offered[Number(n[1]) - 1]! };
    return { kind: "text", text: c.text };
  }
  if (c.kind === "choice") return { kind: "choice", value: c.value };
  if (c.kind === "media") return { kind: "media", mediaType: c.mediaType, ref: c.ref, caption: c.caption };
  if (c.kind === "contact") return { kind: "contact", phone: c.phone, own: c.own, ...(c.name ? { name: c.name } : {}) };
  if (c.kind === "location")
    return {
      kind: "location",
      latitude: c.latitude,
      longitude: c.longitude,
      ...(c.name ? { name: c.name } : {}),
      ...(c.address ? { address: c.address } : {}),
    };
  return undefined;
}

/**
 * A vote in a native poll we sent (WhatsApp): the choice it stands for, read from the outbox row of the poll (the
 * network names the poll by the id it gave that message, and the option by its label or, when the label was not
 * cached, its position). Undefined when the poll is not ours or the option is unknown.
 */
export async function pollChoice(turn: Turn, pollRef: string, picked: string): Promise<string | undefined> {
  const row = await (await turn.db()).outboundMessage.findFirst({
    where: { channel: turn.event.channel, externalId: pollRef },
    select: { options: true },
  });
  const choices = (row?.options as { choices?: { label: string; value: string }[] } | null)?.choices ?? [];
  return (
    choices.find((choice) => choice.label === picked)?.value ??
    (/^\d{1,2}$/.test(picked) ? choices[Number(picked) - 1]?.value : undefined)
  );
}
