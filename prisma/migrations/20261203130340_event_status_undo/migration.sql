-- AlterTable
ALTER TABLE "events" ADD COLUMN     "previous_status" "event_status",
ADD COLUMN     "status_changed_at" TIMESTAMPTZ(6);
