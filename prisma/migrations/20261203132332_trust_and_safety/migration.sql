-- AlterTable
ALTER TABLE "users" ADD COLUMN     "named_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "share_token" TEXT;

-- CreateTable
CREATE TABLE "opt_outs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "event_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_outs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_uses" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "event_id" UUID,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_uses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "opt_outs_user_id_idx" ON "opt_outs"("user_id");

-- CreateIndex
CREATE INDEX "opt_outs_event_id_idx" ON "opt_outs"("event_id");

-- CreateIndex
CREATE INDEX "quota_uses_user_id_kind_created_at_idx" ON "quota_uses"("user_id", "kind", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "events_share_token_key" ON "events"("share_token");

-- AddForeignKey
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_uses" ADD CONSTRAINT "quota_uses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
