-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "checked_in_at" TIMESTAMPTZ(6),
ADD COLUMN     "checked_in_by" UUID,
ADD COLUMN     "pass_token" TEXT;

-- CreateTable
CREATE TABLE "event_ushers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_ushers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_ushers_event_id_user_id_key" ON "event_ushers"("event_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_pass_token_key" ON "invitations"("pass_token");

-- AddForeignKey
ALTER TABLE "event_ushers" ADD CONSTRAINT "event_ushers_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_ushers" ADD CONSTRAINT "event_ushers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
