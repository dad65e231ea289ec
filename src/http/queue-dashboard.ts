// The BullMQ queues as an operator sees them (bull-board): what waits, what is delayed (reminders, paced sends), what
// failed and why, with retry and clean buttons. Mounted behind the operator login like the other operator pages.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import type { Router } from "express";

export function queueDashboard(queues: Queue[], basePath: string): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Nuru queues" } },
  });
  return serverAdapter.getRouter() as Router;
}
