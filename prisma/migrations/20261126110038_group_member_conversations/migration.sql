-- DropIndex
DROP INDEX "conversations_channel_chat_id_key";

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "member_id" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "conversations_channel_chat_id_member_id_key" ON "conversations"("channel", "chat_id", "member_id");
