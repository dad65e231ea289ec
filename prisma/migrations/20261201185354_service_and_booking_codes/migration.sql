-- AlterTable
ALTER TABLE "services" ADD COLUMN     "code" TEXT;

-- AlterTable
ALTER TABLE "event_services" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "services_code_key" ON "services"("code");

-- CreateIndex
CREATE UNIQUE INDEX "event_services_code_key" ON "event_services"("code");
