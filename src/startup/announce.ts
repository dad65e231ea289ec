// What start-up tells the operator once Nuru runs: one log line, and on the terminal where to open the simulator and
// the WhatsApp login QR.
import type { Server } from "node:http";
import { simulatorNeedsLogin, type Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Adapters } from "./adapters.js";

export function announceRunning(
  config: Config,
  listening: { server: Server; host: string | undefined },
  { adapters, simulator, whatsapp }: Adapters,
  logger: Logger,
): void {
  const address = listening.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
  const channels = adapters.map((a) => a.name);
  logger.info({ channels, port, host: listening.host ?? "all interfaces" }, "Nuru is running");
  const login = `user "operator", password OPERATOR_TOKEN`;
  if (simulator) {
    const access = simulatorNeedsLogin(config) ? `; ${login}` : "";
    console.log(`\n  Nuru simulator: ${base}/simulator/  (chat as an organizer, a guest and a provider${access})\n`);
  }
  if (whatsapp) {
    const access = config.OPERATOR_TOKEN ? login : "only from this machine until OPERATOR_TOKEN is set";
    console.log(`  WhatsApp login QR: ${base}/whatsapp/qr  (${access})\n`);
  }
}
