-- AlterTable
ALTER TABLE "admins" ADD COLUMN     "user_id" UUID;

-- AlterTable
ALTER TABLE "disputes" ADD COLUMN     "booking_id" UUID,
ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "admins_user_id_key" ON "admins"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "disputes_code_key" ON "disputes"("code");

-- AddForeignKey
ALTER TABLE "admins" ADD CONSTRAINT "admins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
