-- AlterTable
ALTER TABLE "event_polls" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "event_polls_code_key" ON "event_polls"("code");
