-- AlterEnum
ALTER TYPE "reminder_status" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "reminder_offsets" INTEGER[] DEFAULT ARRAY[10080, 1440, 180]::INTEGER[],
ADD COLUMN     "reminders_off" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "event_polls" ADD COLUMN     "closes_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "reminders" ADD COLUMN     "note" TEXT,
ADD COLUMN     "queued_for" TIMESTAMPTZ(6),
ADD COLUMN     "target_id" UUID,
ADD COLUMN     "useful_until" TIMESTAMPTZ(6);

-- CreateIndex
CREATE INDEX "reminders_event_id_kind_idx" ON "reminders"("event_id", "kind");

-- CreateIndex
CREATE INDEX "reminders_target_id_idx" ON "reminders"("target_id");

-- Hand-written (Prisma cannot express a partial index): the promoter's question every few seconds, "which reminders
-- due soon have no job for their current time", answered from a small index instead of the whole table.
CREATE INDEX "reminders_unqueued_idx" ON "reminders"("run_at") WHERE "status" = 'scheduled' AND "queued_for" IS NULL;
