// Mobile money outside the chat: the starter that asks the provider once a collection's row is committed, the
// callback routes, and the reconciler that asks the provider about collections no callback closed. Every path ends in
// settleCollection (one transaction, the row locked) followed by the messages it produced, written in that same
// transaction and dispatched after the commit. Nothing here keeps state a restart would lose: the rows are the truth.
import express, { type Router } from "express";
import type { Db } from "../db/prisma.js";
import { tellMany, type Telling } from "../engine/tell.js";
import type { TurnEnvironment } from "../engine/turn.js";
import type { Channel } from "../generated/prisma/client.js";
import { render } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import {
  claimCreated,
  markStarted,
  settleCollection,
  staleCollections,
  type ClaimedCollection,
  type Notice,
  type Settlement,
} from "./collections.js";
import { PaymentProviderError, type CallbackReading, type CollectionState, type PaymentProvider } from "./provider.js";
import { createSandboxProvider, type SandboxProvider } from "./sandbox.js";

export interface PaymentsOptions {
  db: Db;
  logger: Logger;
  env: TurnEnvironment;
  /** queues committed outbox rows */
  dispatch: (channel: Channel, ids: bigint[]) => Promise<void>;
  /** the configured providers; the sandbox is added by `sandbox` */
  providers: PaymentProvider[];
  /** a sandbox for currencies no provider collects (the simulator, a try-out); never in production unless asked */
  sandbox?: SandboxProvider;
  /** PUBLIC_URL: the base of the callback URLs given to providers */
  publicUrl?: string;
  /** the secret path part of AzamPay's one registered callback URL */
  azampayCallbackSecret?: string;
  /** a collection open this long is asked about (callbacks get lost) */
  reconcileAfterMs?: number;
  /** how often written collections are looked for (a restart finds its own too) */
  startEveryMs?: number;
  /** how often the reconciler looks (default: a quarter of reconcileAfterMs, 1-15 s) */
  reconcileEveryMs?: number;
  now?: () => Date;
}

export interface Payments {
  providerFor(currency: string): PaymentProvider | undefined;
  readonly sandbox: SandboxProvider | undefined;
  /** Starts what is written and not started yet; returns how many were started. */
  startDue(): Promise<number>;
  /** Asks the provider about collections open too long; returns how many it settled. */
  reconcile(): Promise<number>;
  /** A provider's callback: 404 for a URL token nobody was given, 400 for a body that is not a callback. */
  callback(provider: string, token: string, body: unknown): Promise<{ status: number }>;
  /** Settles a collection from the provider's answer and writes its messages (outside a turn). */
  settle(id: string, state: CollectionState, reading?: CallbackReading): Promise<Settlement>;
  routes(): { path: string; router: Router }[];
  start(): void;
  stop(): Promise<void>;
}

/** A notice as tidings for tellMany: rendered in each reader's language, its buttons too. */
export function tellingOf(collectionId: string, n: Notice, index: number): Telling {
  return {
    to: { userIds: [n.userId] },
    key: `pay:${collectionId}:${index}`,
    tidings: {
      type: "payment",
      eventId: n.eventId,
      message: (locale) => ({
        text: render(locale, n.message),
        ...(n.choices ? { choices: n.choices.map((c) => ({ label: render(locale, c.label), value: c.value })) } : {}),
      }),
    },
  };
}

let active: Payments | undefined;
let fallbackSandbox: SandboxProvider | undefined;

/** The running payments service; without one (tests of the chat alone) a sandbox answers every currency. */
export function activePayments(): Pick<Payments, "providerFor" | "sandbox"> {
  if (active) return active;
  fallbackSandbox ??= createSandboxProvider();
  const sandbox = fallbackSandbox;
  return { sandbox, providerFor: () => sandbox };
}

export function createPayments(options: PaymentsOptions): Payments {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const reconcileAfterMs = options.reconcileAfterMs ?? 120_000;
  const all = [...options.providers, ...(options.sandbox ? [options.sandbox] : [])];
  const byName = new Map(all.map((p) => [p.name, p]));
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const callbackUrl = (c: ClaimedCollection) =>
    options.publicUrl
      ? `${options.publicUrl.replace(/\/$/, "")}/payments/${c.provider}/callback/${c.callbackToken}`
      : undefined;

  async function settle(id: string, state: CollectionState, reading?: CallbackReading): Promise<Settlement> {
    const rows: { id: bigint; channel: string }[] = [];
    const result = await db.$transaction(async (tx) => {
      const s = await settleCollection(tx, {
        id,
        state,
        now: now(),
        ...(reading ? { providerRef: reading.providerRef, reported: reading } : {}),
      });
      if (s.notices.length)
        rows.push(
          ...(await tellMany(tx, { tellings: s.notices.map((n, i) => tellingOf(id, n, i)), env: options.env })).rows,
        );
      return s;
    });
    const byChannel = new Map<string, bigint[]>();
    for (const r of rows) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r.id]);
    // Committed: if Redis refuses them now, the outbox reconciler sends them later.
    await Promise.all([...byChannel].map(([channel, ids]) => options.dispatch(channel as Channel, ids))).catch(
      (err: unknown) => logger.warn({ err }, "payment messages wait in the outbox"),
    );
    if (result.changed) logger.info({ collection: id, status: result.status }, "mobile-money collection settled");
    return result;
  }

  async function startOne(c: ClaimedCollection): Promise<void> {
    const provider = byName.get(c.provider);
    try {
      if (!provider) throw new PaymentProviderError(`provider ${c.provider} is not configured`, false);
      const url = callbackUrl(c);
      const { providerRef } = await provider.start({
        reference: c.id,
        code: c.code,
        phone: c.phone,
        amount: String(c.amount),
        currency: c.currency,
        description: `Nuru ${c.code}`,
        ...(url ? { callbackUrl: url } : {}),
      });
      await markStarted(db, c.id, providerRef);
    } catch (err) {
      const refused = err instanceof PaymentProviderError ? err : undefined;
      logger.warn({ err, collection: c.id }, "mobile-money prompt not sent");
      // Asking again could send a second prompt if the first did reach the phone: the person decides with Try again.
      await settle(c.id, { state: "failed", code: "start", reason: refused?.reason ?? "other" });
    }
  }

  /** Keeps a promise in the set stop() waits for. */
  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  async function startDue(): Promise<number> {
    let started = 0;
    for (;;) {
      const claimed = await db.$transaction((tx) => claimCreated(tx, 50));
      if (!claimed.length) return started;
      await Promise.all(claimed.map((c) => track(startOne(c))));
      started += claimed.length;
    }
  }

  async function ask(
    provider: PaymentProvider,
    c: { id: string; providerRef: string; phone: string },
  ): Promise<CollectionState> {
    try {
      return await provider.status({ providerRef: c.providerRef, reference: c.id, phone: c.phone });
    } catch (err) {
      logger.warn(
        { err, collection: c.id },
        "could not ask the provider where a collection stands; asking again later",
      );
      return { state: "pending" };
    }
  }

  async function reconcile(): Promise<number> {
    let settled = 0;
    for (const c of await staleCollections(db, reconcileAfterMs, 100)) {
      const provider = byName.get(c.provider);
      if (!provider) continue;
      if (!c.providerRef) {
        // Claimed, then the process stopped before the provider's answer was written: a callback still brings its id
        // (the URL names the row); with none after three periods, the prompt is taken as never sent.
        const [row] = await db.$queryRaw<
          { old: boolean }[]
        >`SELECT updated_at < now() - make_interval(secs => ${(3 * reconcileAfterMs) / 1000}) AS old FROM payment_collections WHERE id = ${c.id}::uuid`;
        if (row?.old && (await settle(c.id, { state: "failed", code: "interrupted", reason: "other" })).changed)
          settled++;
        else await db.paymentCollection.update({ where: { id: c.id }, data: { checkedAt: now() } });
        continue;
      }
      const state = await ask(provider, { id: c.id, providerRef: c.providerRef, phone: c.phone });
      if ((await settle(c.id, state)).changed) settled++;
    }
    return settled;
  }

  /** A callback said something before the provider's own status is final: ask again a few times, then leave it to the reconciler. */
  async function followUp(
    provider: PaymentProvider,
    id: string,
    phone: string,
    reading: CallbackReading,
  ): Promise<void> {
    for (const wait of [500, 1500, 4000, 10_000]) {
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
      const state = await ask(provider, { id, providerRef: reading.providerRef, phone });
      if (state.state !== "pending") {
        await settle(id, state, reading);
        return;
      }
    }
  }

  async function callback(providerName: string, token: string, body: unknown): Promise<{ status: number }> {
    const provider = byName.get(providerName);
    if (!provider) return { status: 404 };
    const reading = provider.parseCallback(body);
    if (!reading) return { status: 400 };
    // Daraja gets one URL per collection (its token names the row); AzamPay has one URL with a secret, and echoes our id.
    const row =
      providerName === "azampay"
        ? token === options.azampayCallbackSecret && reading.reference && /^[0-9a-f-]{36}$/.test(reading.reference)
          ? await db.paymentCollection.findFirst({
              where: { id: reading.reference, provider: "azampay" },
              select: { id: true, providerRef: true, phone: true },
            })
          : null
        : await db.paymentCollection.findFirst({
            where: { callbackToken: token, provider: providerName },
            select: { id: true, providerRef: true, phone: true },
          });
    if (!row) return { status: 404 };
    // A callback about another collection than the one this URL was given for changes nothing.
    if (row.providerRef && row.providerRef !== reading.providerRef) return { status: 200 };
    const state = await ask(provider, { id: row.id, providerRef: reading.providerRef, phone: row.phone });
    await settle(row.id, state, reading);
    if (state.state === "pending")
      void track(
        followUp(provider, row.id, row.phone, reading).catch((err: unknown) =>
          logger.warn({ err }, "payment follow-up failed"),
        ),
      );
    return { status: 200 };
  }

  function routes(): { path: string; router: Router }[] {
    const router = express.Router();
    router.post("/:provider/callback/:token", express.json({ limit: "64kb" }), async (req, res) => {
      try {
        const { status } = await callback(String(req.params.provider), String(req.params.token), req.body);
        // Daraja reads ResultCode 0 as "received"; the others read the status code.
        res
          .status(status)
          .json(status === 200 ? { ResultCode: 0, ResultDesc: "Accepted" } : { ResultCode: 1, ResultDesc: "Rejected" });
      } catch (err) {
        logger.error({ err }, "payment callback failed; the reconciler will ask the provider");
        res.status(500).json({ ResultCode: 1, ResultDesc: "Try again" });
      }
    });
    return [{ path: "/payments", router }];
  }

  const service: Payments = {
    providerFor: (currency) => options.providers.find((p) => p.currencies.includes(currency)) ?? options.sandbox,
    sandbox: options.sandbox,
    startDue,
    reconcile,
    callback,
    settle,
    routes,
    start() {
      active = service;
      const every = (ms: number, work: () => Promise<unknown>, what: string) => {
        let busy = false;
        timers.push(
          setInterval(() => {
            if (busy || stopped) return;
            busy = true;
            void track(work())
              .catch((err: unknown) => logger.warn({ err }, `payments ${what} failed; trying again`))
              .finally(() => (busy = false));
          }, ms),
        );
      };
      every(options.startEveryMs ?? 250, startDue, "starter");
      every(
        options.reconcileEveryMs ?? Math.max(1000, Math.min(15_000, reconcileAfterMs / 4)),
        reconcile,
        "reconciler",
      );
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...inFlight]);
      if (active === service) active = undefined;
    },
  };
  return service;
}
