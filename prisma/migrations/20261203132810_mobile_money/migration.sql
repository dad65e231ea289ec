-- CreateEnum
CREATE TYPE "collection_status" AS ENUM ('created', 'starting', 'pending', 'paid', 'failed', 'mismatch');

-- CreateTable
CREATE TABLE "payment_collections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "contribution_id" UUID,
    "booking_id" UUID,
    "phone" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_ref" TEXT,
    "callback_token" TEXT NOT NULL,
    "status" "collection_status" NOT NULL DEFAULT 'created',
    "result_code" TEXT,
    "reason" TEXT,
    "receipt" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(6),
    "checked_at" TIMESTAMPTZ(6),

    CONSTRAINT "payment_collections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_collections_code_key" ON "payment_collections"("code");

-- CreateIndex
CREATE UNIQUE INDEX "payment_collections_callback_token_key" ON "payment_collections"("callback_token");

-- CreateIndex
CREATE INDEX "payment_collections_status_updated_at_idx" ON "payment_collections"("status", "updated_at");

-- CreateIndex
CREATE INDEX "payment_collections_contribution_id_idx" ON "payment_collections"("contribution_id");

-- CreateIndex
CREATE INDEX "payment_collections_event_id_idx" ON "payment_collections"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_collections_provider_provider_ref_key" ON "payment_collections"("provider", "provider_ref");

-- AddForeignKey
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "guest_contributions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "event_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (prisma/README.md): money asked for is never zero or negative
ALTER TABLE "payment_collections" ADD CONSTRAINT "payment_collections_amount_check" CHECK (amount > 0);

-- Hand-written: the starter and the reconciler read only collections still open, a small set
CREATE INDEX "payment_collections_open_idx" ON "payment_collections"("updated_at") WHERE status IN ('created', 'starting', 'pending');
