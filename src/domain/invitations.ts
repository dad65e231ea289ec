// Invitation codes: the short code in an invitation (and in a Telegram deep link /start CODE) that leads a chat
// account to the invitation an organizer sent to a phone number.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { attachPhone } from "./users.js";

const codePattern = /^[A-Za-z0-9_-]{3,64}$/;

/** Links the person to the invitation with this code; returns the event's name and the user now holding the link. */
export async function claimInvitation(tx: Tx, options: { userId: string; code: string }): Promise<{ event: string; userId: string }> {
  const code = options.code.trim();
  if (!codePattern.test(code)) throw new AppError("link.invalid_code", { code: code.slice(0, 64) });
  const invitation = await tx.invitation.findFirst({
    where: { code: { equals: code, mode: "insensitive" } },
    include: { event: true },
  });
  if (!invitation?.event) throw new AppError("link.invalid_code", { code });
  let userId = options.userId;
  if (invitation.recipientPhone) {
    const me = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    // A bare chat account takes the invited number; someone with another number keeps theirs (the code is proof).
    if (!me.phone) userId = (await attachPhone(tx, { userId, phone: invitation.recipientPhone })).id;
  }
  await tx.invitation.update({ where: { id: invitation.id }, data: { userId } });
  await tx.eventGuest.upsert({
    where: { eventId_userId: { eventId: invitation.event.id, userId } },
    create: { eventId: invitation.event.id, userId },
    update: {},
  });
  return { event: invitation.event.name, userId };
}
