-- CreateIndex
CREATE INDEX "outbound_messages_channel_external_id_idx" ON "outbound_messages"("channel", "external_id");
