-- AlterEnum
ALTER TYPE "rsvp_status" ADD VALUE 'maybe';

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "notify_answers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "delivered_at" TIMESTAMPTZ(6),
ADD COLUMN     "event_id" UUID,
ADD COLUMN     "options" JSONB;

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "requested_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "channel_identities" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "invitations_user_id_idx" ON "invitations"("user_id");
