// Sends the outbox. One BullMQ queue per channel so each network's global limit is the queue's limiter; jobs carry
// only the outbound row id and re-read the row, claim it atomically (queued -> sending) and record the outcome, so a
// job that runs twice never sends twice. Per-chat order and pacing are enforced here (see pacing.ts).
//
// The producer is outbound-dispatcher.ts; the consumer outbound-worker.ts (the steps before a send: order, pacing,
// claim) and outbound-send.ts (the network call and its outcome); outbound-jobs.ts what both agree on.
export * from "./outbound-jobs.js";
export * from "./outbound-dispatcher.js";
export * from "./outbound-worker.js";
