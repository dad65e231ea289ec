// Mobile money outside the chat: the starter that asks the provider once a collection's row is committed, the
// callback routes, and the reconciler that asks the provider about collections no callback closed. Every path ends in
// settleCollection (one transaction, the row locked) followed by the messages it produced, written in that same
// transaction and dispatched after the commit. Nothing here keeps state a restart would lose: the rows are the truth.
import type { Router } from "express";
import type { Db } from "../db/prisma.js";
import { tellMany, type Telling } from "../engine/tell.js";
import type { TurnEnvironment } from "../engine/turn.js";
import type { Channel } from "../generated/prisma/client.js";
import { render } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { callback, callbackRoutes, reconcile, type PaymentsCore } from "./callbacks.js";
import {
  claimCreated,
  markStarted,
  settleCollection,
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
  /** NODE_ENV=production: activePayments() never falls back to a sandbox, even before this service starts */
  production?: boolean;
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
      ...(n.answering ? { answering: true } : {}),
      message: (locale) => ({
        text: render(locale, n.message),
        ...(n.choices ? { choices: n.choices.map((c) => ({ label: render(locale, c.label), value: c.value })) } : {}),
      }),
    },
  };
}

let active: Payments | undefined;
let fallbackSandbox: SandboxProvider | undefined;
/** set once a production service is created: from then on nothing falls back to the sandbox */
let productionSeen = false;

/**
 * The running payments service; without one (tests of the chat alone) a sandbox answers every currency, but never in
 * production (NODE_ENV=production, or a service created with `production`): there nothing is collected until the
 * service has started, and the payer hears pay.unavailable.
 */
export function activePayments(): Pick<Payments, "providerFor" | "sandbox"> {
  if (active) return active;
  if (productionSeen || process.env.NODE_ENV === "production")
    return { sandbox: undefined, providerFor: () => undefined };
  fallbackSandbox ??= createSandboxProvider();
  const sandbox = fallbackSandbox;
  return { sandbox, providerFor: () => sandbox };
}

/** Settles a collection and writes its messages in the same transaction; dispatches them once committed. */
async function settleAndTell(
  options: PaymentsOptions,
  id: string,
  state: CollectionState,
  reading?: CallbackReading,
): Promise<Settlement> {
  const rows: { id: bigint; channel: string }[] = [];
  const now = options.now?.() ?? new Date();
  const result = await options.db.$transaction(async (tx) => {
    const s = await settleCollection(tx, {
      id,
      state,
      now,
      ...(reading ? { providerRef: reading.providerRef, reported: reading } : {}),
    });
    const tellings = s.notices.map((n, i) => tellingOf(id, n, i));
    if (tellings.length) rows.push(...(await tellMany(tx, { tellings, env: options.env })).rows);
    return s;
  });
  const byChannel = new Map<string, bigint[]>();
  for (const r of rows) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r.id]);
  // Committed: if Redis refuses them now, the outbox reconciler sends them later.
  await Promise.all([...byChannel].map(([channel, ids]) => options.dispatch(channel as Channel, ids))).catch(
    (err: unknown) => options.logger.warn({ err }, "payment messages wait in the outbox"),
  );
  if (result.changed) options.logger.info({ collection: id, status: result.status }, "mobile-money collection settled");
  return result;
}

/**
 * Sends one claimed collection's prompt. Only the provider's definite refusal fails it (the person decides on Try
 * again); a timeout, a 5xx, a network error, or our own failure to write down what the provider answered may hide a
 * prompt that did reach the phone, so the collection stays open for the callback or the reconciler.
 */
async function startOne(core: PaymentsCore, publicUrl: string | undefined, c: ClaimedCollection): Promise<void> {
  const provider = core.byName.get(c.provider);
  const url = publicUrl
    ? `${publicUrl.replace(/\/$/, "")}/payments/${c.provider}/callback/${c.callbackToken}`
    : undefined;
  let providerRef: string;
  try {
    if (!provider) throw new PaymentProviderError(`provider ${c.provider} is not configured`, false);
    ({ providerRef } = await provider.start({
      reference: c.id,
      code: c.code,
      phone: c.phone,
      amount: String(c.amount),
      currency: c.currency,
      description: `Nuru ${c.code}`,
      ...(url ? { callbackUrl: url } : {}),
    }));
  } catch (err) {
    if (!(err instanceof PaymentProviderError) || err.retry) {
      core.logger.warn(
        { err, collection: c.id },
        "mobile-money prompt uncertain; left open for the callback or reconciler",
      );
      return;
    }
    core.logger.warn({ err, collection: c.id }, "mobile-money prompt refused");
    await core.settle(c.id, { state: "failed", code: "start", reason: err.reason });
    return;
  }
  try {
    await markStarted(core.db, c.id, providerRef);
  } catch (err) {
    // The prompt is on the phone: its callback (the URL names the row) or the reconciler settles it.
    core.logger.error({ err, collection: c.id, providerRef }, "mobile-money prompt sent but not written down");
  }
}

/** Starts what is written and not started yet, fifty at a time; returns how many were started. */
async function startDue(core: PaymentsCore, publicUrl: string | undefined): Promise<number> {
  let started = 0;
  for (;;) {
    const claimed = await core.db.$transaction((tx) => claimCreated(tx, 50));
    if (!claimed.length) return started;
    await Promise.all(claimed.map((c) => core.track(startOne(core, publicUrl, c))));
    started += claimed.length;
  }
}

/** The provider's own answer; "pending" when it could not be asked (the reconciler asks again). */
async function askProvider(
  logger: Logger,
  provider: PaymentProvider,
  c: { id: string; providerRef: string; phone: string },
): Promise<CollectionState> {
  try {
    return await provider.status({ providerRef: c.providerRef, reference: c.id, phone: c.phone });
  } catch (err) {
    logger.warn({ err, collection: c.id }, "could not ask the provider where a collection stands; asking again later");
    return { state: "pending" };
  }
}

/** Runs `work` every `ms`, never twice at once, its failures logged. */
function every(core: PaymentsCore, ms: number, work: () => Promise<unknown>, what: string): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy || core.stopped()) return;
    busy = true;
    void core
      .track(work())
      .catch((err: unknown) => core.logger.warn({ err }, `payments ${what} failed; trying again`))
      .finally(() => (busy = false));
  }, ms);
}

export function createPayments(options: PaymentsOptions): Payments {
  if (options.production) productionSeen = true;
  const reconcileAfterMs = options.reconcileAfterMs ?? 120_000;
  const all = [...options.providers, ...(options.sandbox ? [options.sandbox] : [])];
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const core: PaymentsCore = {
    db: options.db,
    logger: options.logger,
    byName: new Map(all.map((p) => [p.name, p])),
    azampayCallbackSecret: options.azampayCallbackSecret,
    reconcileAfterMs,
    now: options.now ?? (() => new Date()),
    ask: (provider, c) => askProvider(options.logger, provider, c),
    settle: (id, state, reading) => settleAndTell(options, id, state, reading),
    track(p) {
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => undefined);
      return p;
    },
    stopped: () => stopped,
  };

  const service: Payments = {
    providerFor: (currency) => options.providers.find((p) => p.currencies.includes(currency)) ?? options.sandbox,
    sandbox: options.sandbox,
    startDue: () => startDue(core, options.publicUrl),
    reconcile: () => reconcile(core),
    callback: (provider, token, body) => callback(core, provider, token, body),
    settle: core.settle,
    routes: () => callbackRoutes(core),
    start() {
      active = service;
      const reconcileEvery = options.reconcileEveryMs ?? Math.max(1000, Math.min(15_000, reconcileAfterMs / 4));
      timers.push(every(core, options.startEveryMs ?? 250, service.startDue, "starter"));
      timers.push(every(core, reconcileEvery, service.reconcile, "reconciler"));
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
