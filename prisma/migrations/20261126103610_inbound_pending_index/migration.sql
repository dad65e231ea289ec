-- DropIndex
DROP INDEX "inbound_messages_channel_chat_id_status_id_idx";

-- DropIndex
DROP INDEX "inbound_messages_status_received_at_idx";

-- Hand-written (prisma/README.md): only the messages still to do, by chat in arrival order. The processor reads each
-- chat's next message through it and the reconciler finds left-over work with it. With a full index on status
-- beside it, the planner (whose statistics see a table of handled messages) picked the status index during bursts
-- and scanned every pending row for each chat.
CREATE INDEX "inbound_messages_pending_idx" ON "inbound_messages" ("channel", "chat_id", "id") WHERE "status" = 'pending';
