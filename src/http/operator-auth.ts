// Who may open the operator pages (the WhatsApp login QR, /metrics, /admin/queues, /readyz's details, the simulator):
// HTTP Basic auth with user "operator" and OPERATOR_TOKEN as the password. With no token configured: only this
// machine outside production, and nobody in production (404), because a reverse proxy on the same host connects
// from loopback too and need not say it forwards.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";

export const OPERATOR_USER = "operator";
const realm = 'Basic realm="Nuru operator", charset="UTF-8"';

/** SHA-256 first so both sides are 32 bytes: timingSafeEqual needs equal lengths, and the length must not leak either. */
const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** True when the Authorization header carries operator:<token>. */
export function hasOperatorCredentials(header: string | undefined, token: string): boolean {
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return false;
  // Both parts are compared every time, so a wrong user name takes as long as a wrong password.
  const userOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(OPERATOR_USER));
  const passwordOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(token));
  return userOk && passwordOk;
}

/** 401 with a Basic challenge (browsers then ask for the user name and password) unless the operator's credentials are given. */
export function requireOperator(token: string): RequestHandler {
  if (!token) throw new Error("requireOperator needs a token; an empty one would let everybody in");
  return (req, res, next) => {
    if (hasOperatorCredentials(req.headers.authorization, token)) return next();
    res
      .status(401)
      .set({ "WWW-Authenticate": realm, "Cache-Control": "no-store" })
      .json({ error: `operator login required: user "${OPERATOR_USER}", password OPERATOR_TOKEN` });
  };
}

const loopbackAddresses = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * A request from this machine itself. A reverse proxy on the same machine also connects from loopback, so a request
 * carrying forwarding headers is treated as coming from elsewhere.
 */
export function isLocalRequest(req: Pick<Request, "socket" | "headers">): boolean {
  if (req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined) return false;
  return loopbackAddresses.has(req.socket.remoteAddress ?? "");
}

/** With no OPERATOR_TOKEN: serve only to this machine (e.g. a browser on the server, or an SSH tunnel) and 403 others. */
export const localOnly: RequestHandler = (req, res, next) => {
  if (isLocalRequest(req)) return next();
  res.status(403).set("Cache-Control", "no-store").json({
    error:
      "this page is only served to the machine Nuru runs on; set OPERATOR_TOKEN to open it from elsewhere with a password",
  });
};

/** In production without OPERATOR_TOKEN: the operator pages do not exist for anyone (the same 404 as a wrong path). */
export const nowhere: RequestHandler = (_req, res) => {
  res.status(404).json({ error: "not found" });
};

/**
 * The guard for an operator page: the password when one is configured; otherwise this machine only, or, in
 * production, nobody.
 */
export function operatorOnly(token: string | undefined, production = false): RequestHandler {
  return token ? requireOperator(token) : production ? nowhere : localOnly;
}

/** Whether this request comes from the operator, by the same rule as operatorOnly (for pages with a public part). */
export function isOperatorRequest(
  req: Pick<Request, "socket" | "headers">,
  token: string | undefined,
  production = false,
): boolean {
  if (token) return hasOperatorCredentials(req.headers.authorization, token);
  return !production && isLocalRequest(req);
}
