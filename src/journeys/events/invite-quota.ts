// The organizer's quotas applied to one invitation list (src/domain/quotas.ts): the numbers within them go out, the
// rest are named back to the organizer with the limit and what is left, in their language: never a silent drop.
import { isWhatsAppChannel } from "../../channels/channel.js";
import type { Tx } from "../../db/prisma.js";
import { firstContactsLeft, invitationAllowance, quotas } from "../../domain/quotas.js";
import type { Turn } from "../../engine/turn.js";

/** A list of numbers as the organizer reads it: the first twenty, then how many more. */
function numbersText(phones: string[]): string {
  return phones.length > 20 ? `${phones.slice(0, 20).join(", ")} … (+${phones.length - 20})` : phones.join(", ");
}

/** The guests within the organizer's quotas, and the lines telling them of the others. */
export async function fitInvitationQuotas<G extends { phone: string }>(
  turn: Turn,
  tx: Tx,
  guests: G[],
): Promise<{ guests: G[]; refusals: string[] }> {
  const refusals: string[] = [];
  const q = quotas();
  const allowance = await invitationAllowance(tx, { organizerId: turn.user.id, now: turn.now });
  let kept = guests;
  if (kept.length > allowance.left) {
    const over = kept.slice(allowance.left).map((g) => g.phone);
    kept = kept.slice(0, allowance.left);
    refusals.push(
      allowance.reason === "new_organizer"
        ? turn.render({
            key: "quota.invite_new_organizer",
            params: {
              limit: allowance.limit,
              answers: q.newOrganizerAnswers,
              left: allowance.left,
              list: numbersText(over),
            },
          })
        : turn.render({
            key: "quota.invite_daily",
            params: { limit: allowance.limit, left: allowance.left, list: numbersText(over) },
          }),
    );
  }
  // Numbers that never wrote to the bot are what gets a WhatsApp number banned: each organizer has a share of the
  // channel's day, so one person cannot spend everyone's.
  const budget = turn.env.firstContactBudget;
  if (budget && isWhatsAppChannel(turn.env.firstContact[0] ?? "") && kept.length) {
    const known = new Set(
      (
        await tx.$queryRaw<{ phone: string }[]>`
          SELECT u.phone FROM users u WHERE u.phone = ANY(${kept.map((g) => g.phone)}::text[])
            AND EXISTS (SELECT 1 FROM channel_identities ci WHERE ci.user_id = u.id AND ci.channel::text = ANY(${turn.env.running}::text[]))`
      ).map((r) => r.phone),
    );
    const { left, limit } = await firstContactsLeft(tx, {
      organizerId: turn.user.id,
      perDay: budget.perDay,
      now: turn.now,
    });
    const firsts = kept.filter((g) => !known.has(g.phone));
    if (firsts.length > left) {
      const over = new Set(firsts.slice(left).map((g) => g.phone));
      kept = kept.filter((g) => !over.has(g.phone));
      refusals.push(turn.render({ key: "quota.first_contact", params: { limit, list: numbersText([...over]) } }));
    }
  }
  return { guests: kept, refusals };
}
