-- AlterTable
ALTER TABLE "outbound_messages" ADD COLUMN     "delivered_at" TIMESTAMPTZ(6),
ADD COLUMN     "read_at" TIMESTAMPTZ(6);
