-- AlterTable
ALTER TABLE "event_tasks" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "event_tasks_code_key" ON "event_tasks"("code");
