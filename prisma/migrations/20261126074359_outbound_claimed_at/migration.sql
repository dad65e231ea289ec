-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN     "claimed_at" TIMESTAMPTZ(6);
