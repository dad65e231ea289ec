// The paths by which a collection's end becomes known outside a chat: a provider's callback (a hint, never the
// truth: the provider is asked itself), the follow-ups of a callback that came before the provider's status was final,
// and the reconciler that asks about every collection no callback closed. All end in the service's settle().
import express, { type Router } from "express";
import type { Db } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import { collectionForCallback, markChecked, staleCollections, type Settlement } from "./collections.js";
import type { CallbackReading, CollectionState, PaymentProvider } from "./provider.js";

/** What the callbacks and the reconciler need of the running service. */
export interface PaymentsCore {
  db: Db;
  logger: Logger;
  byName: ReadonlyMap<string, PaymentProvider>;
  azampayCallbackSecret?: string | undefined;
  reconcileAfterMs: number;
  now: () => Date;
  /** the provider's own answer; "pending" when it could not be asked */
  ask(provider: PaymentProvider, c: { id: string; providerRef: string; phone: string }): Promise<CollectionState>;
  settle(id: string, state: CollectionState, reading?: CallbackReading): Promise<Settlement>;
  /** keeps a promise in the set stop() waits for */
  track<T>(p: Promise<T>): Promise<T>;
  stopped(): boolean;
}

/** Asks the provider about collections open too long; returns how many it settled. */
export async function reconcile(core: PaymentsCore): Promise<number> {
  let settled = 0;
  for (const c of await staleCollections(core.db, core.reconcileAfterMs, 100)) {
    const provider = core.byName.get(c.provider);
    if (!provider) continue;
    if (!c.providerRef) {
      // Claimed, then the process stopped before the provider's answer was written: a callback still brings its id
      // (the URL names the row); with none after three periods, the prompt is taken as never sent.
      const failed = { state: "failed", code: "interrupted", reason: "other" } as const;
      if (c.abandoned && (await core.settle(c.id, failed)).changed) settled++;
      else await markChecked(core.db, c.id, core.now());
      continue;
    }
    const state = await core.ask(provider, { id: c.id, providerRef: c.providerRef, phone: c.phone });
    if ((await core.settle(c.id, state)).changed) settled++;
  }
  return settled;
}

/** A callback said something before the provider's own status is final: ask again a few times, then leave it to the reconciler. */
async function followUp(
  core: PaymentsCore,
  provider: PaymentProvider,
  row: { id: string; phone: string },
  reading: CallbackReading,
): Promise<void> {
  for (const wait of [500, 1500, 4000, 10_000]) {
    if (core.stopped()) return;
    await new Promise((resolve) => setTimeout(resolve, wait).unref());
    const state = await core.ask(provider, { id: row.id, providerRef: reading.providerRef, phone: row.phone });
    if (state.state !== "pending") {
      await core.settle(row.id, state, reading);
      return;
    }
  }
}

const uuid = /^[0-9a-f-]{36}$/;

/** A provider's callback: 404 for a URL token nobody was given, 400 for a body that is not a callback. */
export async function callback(
  core: PaymentsCore,
  providerName: string,
  token: string,
  body: unknown,
): Promise<{ status: number }> {
  const provider = core.byName.get(providerName);
  if (!provider) return { status: 404 };
  const reading = provider.parseCallback(body);
  if (!reading) return { status: 400 };
  // Daraja gets one URL per collection (its token names the row); AzamPay has one URL with a secret, and echoes our id.
  const byEcho = providerName === "azampay";
  const echoed = token === core.azampayCallbackSecret && reading.reference && uuid.test(reading.reference);
  const row = byEcho
    ? echoed
      ? await collectionForCallback(core.db, { provider: providerName, id: reading.reference! })
      : null
    : await collectionForCallback(core.db, { provider: providerName, token });
  if (!row) return { status: 404 };
  // A callback about another collection than the one this URL was given for changes nothing.
  if (row.providerRef && row.providerRef !== reading.providerRef) return { status: 200 };
  const state = await core.ask(provider, { id: row.id, providerRef: reading.providerRef, phone: row.phone });
  await core.settle(row.id, state, reading);
  if (state.state === "pending")
    void core.track(
      followUp(core, provider, row, reading).catch((err: unknown) =>
        core.logger.warn({ err }, "payment follow-up failed"),
      ),
    );
  return { status: 200 };
}

/** The callback route, under /payments: POST /payments/<provider>/callback/<token>. */
export function callbackRoutes(core: PaymentsCore): { path: string; router: Router }[] {
  const router = express.Router();
  router.post("/:provider/callback/:token", express.json({ limit: "64kb" }), async (req, res) => {
    try {
      const { status } = await callback(core, String(req.params.provider), String(req.params.token), req.body);
      // Daraja reads ResultCode 0 as "received"; the others read the status code.
      res
        .status(status)
        .json(status === 200 ? { ResultCode: 0, ResultDesc: "Accepted" } : { ResultCode: 1, ResultDesc: "Rejected" });
    } catch (err) {
      core.logger.error({ err }, "payment callback failed; the reconciler will ask the provider");
      res.status(500).json({ ResultCode: 1, ResultDesc: "Try again" });
    }
  });
  return [{ path: "/payments", router }];
}
