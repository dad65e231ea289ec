-- AlterTable
ALTER TABLE "guest_contributions" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "guest_contributions_code_key" ON "guest_contributions"("code");
