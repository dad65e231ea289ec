// Invitation codes: the short code in an invitation (and in a Telegram deep link /start CODE) that leads a chat
// account to the invitation an organizer sent to a phone number.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";

const codePattern = /^[A-Za-z0-9_-]{3,64}$/;

/** The invitation with this code and its event; AppError link.invalid_code when there is none. */
export async function findInvitationByCode(tx: Tx, code: string) {
  const trimmed = code.trim();
  if (!codePattern.test(trimmed)) throw new AppError("link.invalid_code", { code: trimmed.slice(0, 64) });
  const invitation = await tx.invitation.findFirst({
    where: { code: { equals: trimmed, mode: "insensitive" } },
    include: { event: { select: { id: true, name: true } } },
  });
  if (!invitation?.event) throw new AppError("link.invalid_code", { code: trimmed });
  return { ...invitation, event: invitation.event };
}

export type FoundInvitation = Awaited<ReturnType<typeof findInvitationByCode>>;

/**
 * Links the person to the invitation with this code. An invitation sent to a phone number opens only for the person
 * holding that number (a code can be forwarded); one sent without a number (by e-mail) opens for whoever has the code.
 */
export async function claimInvitation(tx: Tx, options: { userId: string; code: string }): Promise<{ event: string }> {
  return claimFoundInvitation(tx, { userId: options.userId, invitation: await findInvitationByCode(tx, options.code) });
}

/** claimInvitation for an invitation the caller has already looked up. */
export async function claimFoundInvitation(tx: Tx, options: { userId: string; invitation: FoundInvitation }): Promise<{ event: string }> {
  const { invitation } = options;
  const me = await tx.user.findUniqueOrThrow({ where: { id: options.userId } });
  if (invitation.recipientPhone && invitation.recipientPhone !== me.phone) {
    throw new AppError("link.other_number", { phone: me.phone ?? "-" });
  }
  // An invitation without a number (sent by e-mail) opens for whoever brings the code first, and then stays theirs.
  if (invitation.userId && invitation.userId !== me.id) throw new AppError("link.already_claimed");
  await tx.invitation.update({ where: { id: invitation.id }, data: { userId: me.id } });
  await tx.eventGuest.upsert({
    where: { eventId_userId: { eventId: invitation.event.id, userId: me.id } },
    create: { eventId: invitation.event.id, userId: me.id },
    update: {},
  });
  return { event: invitation.event.name };
}
