// Every payment adapter through the conformance suite against its fake, and the pure readers beside them.
import { describe, expect, it, vi } from "vitest";
import { createAzamPayProvider, tanzanianNetwork } from "../../src/payments/azampay.js";
import { createMpesaProvider, darajaTimestamp, mpesaReason } from "../../src/payments/mpesa.js";
import { wholeUnits } from "../../src/payments/provider.js";
import { createSandboxProvider } from "../../src/payments/sandbox.js";
import { activePayments } from "../../src/payments/service.js";
import { paymentContract } from "../contract/payment-contract.js";
import { createAzamPayFake } from "../fakes/azampay.js";
import { createDarajaFake, darajaSecrets } from "../fakes/mpesa-daraja.js";

paymentContract("M-Pesa Daraja", () => {
  const fake = createDarajaFake(darajaSecrets);
  return {
    provider: createMpesaProvider({ ...darajaSecrets, apiRoot: "https://daraja.test", fetch: fake.fetch }),
    answer: (ref, outcome) => fake.answer(ref, outcome === "paid" ? 0 : 1032),
    callback: (ref) => fake.callbackBody(ref),
    phone: "+254708374149",
    currency: "KES",
  };
});

paymentContract("AzamPay MNO checkout", () => {
  const fake = createAzamPayFake({ clientId: "cid", clientSecret: "cs", apiKey: "ak" });
  return {
    provider: createAzamPayProvider({
      appName: "nuru",
      clientId: "cid",
      clientSecret: "cs",
      apiKey: "ak",
      authRoot: "https://auth.azampay.test",
      apiRoot: "https://api.azampay.test",
      fetch: fake.fetch,
    }),
    answer: (ref, outcome) => fake.answer(ref, outcome),
    callback: (ref) => fake.callbackBody(ref),
    phone: "+255754123456",
    currency: "TZS",
  };
});

paymentContract("sandbox", () => {
  const sandbox = createSandboxProvider();
  return {
    provider: sandbox,
    answer: (ref, outcome) => sandbox.answer(ref, outcome),
    callback: () => undefined,
    phone: "+255712345678",
    currency: "TZS",
  };
});

describe("M-Pesa Daraja adapter", () => {
  it("keeps its token until it expires, then asks for a new one", async () => {
    let clock = Date.parse("2031-01-01T00:00:00Z");
    const fake = createDarajaFake({ ...darajaSecrets, tokenTtlSeconds: 3599, now: () => clock });
    const provider = createMpesaProvider({
      ...darajaSecrets,
      apiRoot: "https://daraja.test",
      fetch: fake.fetch,
      now: () => new Date(clock),
    });
    const req = {
      reference: "r",
      code: "L-ABCDE",
      phone: "+254708374149",
      amount: "100",
      currency: "KES",
      description: "d",
      callbackUrl: "https://x/cb",
    };
    await provider.start(req);
    await provider.start(req);
    expect(fake.stats.tokens).toBe(1);
    clock += 3600_000;
    await provider.start(req);
    expect(fake.stats.tokens).toBe(2);
    expect(fake.stats.refusedTokens).toBe(0);
  });

  it("names Daraja's result codes in words both languages have", () => {
    expect([0, 1032, 1037, 1, 2001, 1001, 9999].map(mpesaReason)).toEqual([
      "other",
      "cancelled",
      "no_answer",
      "insufficient",
      "wrong_pin",
      "busy",
      "other",
    ]);
  });

  it("stamps requests in Kenyan time", () => {
    expect(darajaTimestamp(new Date("2031-12-19T07:21:15Z"))).toBe("20311219102115");
  });
});

describe("readers", () => {
  it("finds the Tanzanian wallet behind a number", () => {
    expect(
      [
        "+255754000000",
        "+255654000000",
        "+255714000000",
        "+255684000000",
        "+255624000000",
        "+255734000000",
        "+254712000000",
      ].map(tanzanianNetwork),
    ).toEqual(["Mpesa", "Tigo", "Tigo", "Airtel", "Halopesa", undefined, undefined]);
  });

  it("asks mobile money for whole shillings, never less than owed", () => {
    expect(["50000.00", "100", "99.50"].map((a) => wholeUnits(a))).toEqual(["50000", "100", "100"]);
  });
});

describe("activePayments without a running service", () => {
  it("never falls back to the sandbox in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(activePayments().providerFor("TZS")).toBeUndefined();
      expect(activePayments().sandbox).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(activePayments().providerFor("TZS")?.name).toBe("sandbox");
  });
});
