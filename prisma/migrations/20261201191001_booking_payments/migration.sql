-- AlterTable
ALTER TABLE "event_services" ADD COLUMN     "balance_paid_at" TIMESTAMPTZ(6),
ADD COLUMN     "deposit_paid_at" TIMESTAMPTZ(6);
