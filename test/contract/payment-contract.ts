// The payments port's conformance suite: every adapter (M-Pesa Daraja, AzamPay, the sandbox) against a fake of its
// provider, as the channel contract does for chat adapters.
import { describe, expect, it } from "vitest";
import type { PaymentProvider } from "../../src/payments/provider.js";

export interface PaymentHarness {
  provider: PaymentProvider;
  /** the payer's phone answers the prompt */
  answer(providerRef: string, outcome: "paid" | "cancelled"): void | Promise<void>;
  /** the provider's callback body for this collection, or undefined for a provider without callbacks */
  callback(providerRef: string): unknown;
  /** a phone number and currency the provider collects */
  phone: string;
  currency: string;
}

export function paymentContract(name: string, make: () => PaymentHarness | Promise<PaymentHarness>): void {
  describe(`payment provider contract: ${name}`, () => {
    const request = (h: PaymentHarness, n: number) => ({
      reference: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      code: `L-TEST${n}`,
      phone: h.phone,
      amount: "50000.00",
      currency: h.currency,
      description: "Nuru test",
      callbackUrl: "https://nuru.example/payments/x/callback/tok",
    });

    it("starts a collection that is pending until the phone answers, then paid with a receipt", async () => {
      const h = await make();
      const req = request(h, 1);
      const { providerRef } = await h.provider.start(req);
      expect(providerRef).toBeTruthy();
      expect(await h.provider.status({ providerRef, reference: req.reference, phone: req.phone })).toEqual({
        state: "pending",
      });
      await h.answer(providerRef, "paid");
      const state = await h.provider.status({ providerRef, reference: req.reference, phone: req.phone });
      expect(state.state).toBe("paid");
      const cb = h.callback(providerRef);
      if (cb !== undefined) {
        const reading = h.provider.parseCallback(cb);
        expect(reading).toMatchObject({ providerRef, claimed: "paid" });
        expect(Number(reading!.amount)).toBe(50000);
      }
    });

    it("reports a cancelled prompt as failed, cancelled", async () => {
      const h = await make();
      const req = request(h, 2);
      const { providerRef } = await h.provider.start(req);
      await h.answer(providerRef, "cancelled");
      expect(await h.provider.status({ providerRef, reference: req.reference, phone: req.phone })).toMatchObject({
        state: "failed",
        reason: "cancelled",
      });
      const cb = h.callback(providerRef);
      if (cb !== undefined) expect(h.provider.parseCallback(cb)).toMatchObject({ providerRef, claimed: "failed" });
    });

    it("reads nothing from a body that is not its callback", async () => {
      const h = await make();
      for (const body of [undefined, null, {}, { Body: {} }, "text", { reference: 1 }])
        expect(h.provider.parseCallback(body)).toBeUndefined();
    });
  });
}
