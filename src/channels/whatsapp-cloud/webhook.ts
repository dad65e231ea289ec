// The HTTP side of the Cloud API's webhook. Meta calls again on anything but 200, so the status codes here are the
// acknowledgement. Nothing is parsed before the signature is checked: a stranger cannot make the server read or
// parse a body it did not sign (without a signature header the body is not even read).
import { createHmac } from "node:crypto";
import express, { type Router } from "express";
import type { Logger } from "../../logger.js";
import { secretMatches } from "../secrets.js";

export const SIGNATURE_HEADER = "X-Hub-Signature-256";

/** Constant-time check of "sha256=<hex HMAC of the raw body with the app secret>". */
export function signatureMatches(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  return secretMatches(header, `sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`);
}

export function webhookRouter(options: {
  verifyToken: string;
  appSecret: string;
  /** takes a signed body; resolves with the answer once what it carries is logged, rejects when it was not taken */
  receive: (raw: Buffer) => Promise<{ status: number; body?: string }>;
  logger: Logger;
}): Router {
  const router = express.Router();
  // Meta's subscription check: echo the challenge only to whoever knows the verify token.
  router.get("/", (req, res) => {
    const challenge = req.query["hub.challenge"];
    if (
      req.query["hub.mode"] === "subscribe" &&
      secretMatches(req.query["hub.verify_token"], options.verifyToken) &&
      typeof challenge === "string"
    ) {
      res.type("text/plain").send(challenge);
      return;
    }
    res.status(403).end();
  });
  router.post(
    "/",
    (req, res, next) => (req.get(SIGNATURE_HEADER)?.startsWith("sha256=") ? next() : void res.status(401).end()),
    // Meta's calls carry up to 1,000 changes: a few MB at most.
    express.raw({ type: () => true, limit: "3mb" }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!signatureMatches(raw, req.get(SIGNATURE_HEADER), options.appSecret)) {
        options.logger.warn("whatsapp cloud webhook with a wrong signature refused");
        res.status(401).end();
        return;
      }
      try {
        const { status, body } = await options.receive(raw);
        res
          .status(status)
          .type("text/plain")
          .send(body ?? "");
      } catch (err) {
        options.logger.warn({ err }, "whatsapp cloud delivery not taken; Meta will deliver it again");
        res.status(500).end();
      }
    },
  );
  return router;
}
