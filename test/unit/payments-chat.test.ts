// The pure parts of paying from the chat: reading "I want to pay" in both languages, and the phone question's flow.
import { describe, expect, it } from "vitest";
import { payFlow } from "../../flows/pay.flow.js";
import { readPayIntent } from "../../src/journeys/payments/phrases.js";

const context = { locale: "sw" as const, userName: "Amina", timeZone: "Africa/Dar_es_Salaam", now: new Date() };

describe("readPayIntent", () => {
  it.each([
    ["lipa sasa", {}],
    ["Pay now", {}],
    ["nataka kulipa", {}],
    ["Nataka kulipaaa!", {}],
    ["ningependa kulipia ahadi yangu", {}],
    ["naomba kulipa sasa", {}],
    ["I want to pay my pledge", {}],
    ["I would like to pay", {}],
    ["can I pay now?", {}],
    ["nataka kulipa elfu ishirini", { amount: 20_000 }],
    ["lipa laki moja", { amount: 100_000 }],
    ["pay 50k", { amount: 50_000 }],
  ])("%s", (text, expected) => expect(readPayIntent(text)).toEqual(expected));

  it.each([
    "habari",
    "ndiyo nitakuja",
    "mama amelipa kodi jana",
    "who will pay for the food",
    "lipa kesho asubuhi tafadhali",
    "",
  ])("not a wish to pay: %s", (text) => expect(readPayIntent(text)).toBeUndefined());
});

describe("the phone question", () => {
  it("asks with the share-contact button and passes a typed or shared number to the payment", () => {
    const start = payFlow.start(context, { ref: "M-7K2QX", amount: "50000" });
    expect(start.effects).toEqual([
      {
        type: "reply",
        reply: {
          text: { key: "pay.ask_phone", params: { ref: "M-7K2QX" } },
          requestPhone: { key: "pay.share_phone_button" },
        },
      },
    ]);
    const shared = payFlow.handle(start.state!, { kind: "contact", phone: "+255754123456", own: true }, context);
    const action = shared.effects[0] as Extract<(typeof shared.effects)[number], { type: "action" }>;
    expect(action.action).toEqual({
      type: "payFromPhone",
      input: { ref: "M-7K2QX", amount: "50000", phone: "+255754123456" },
    });
    expect(action.then!({ ok: true })).toEqual({ state: null });
    // A number that is not one: asked again, the conversation kept.
    const again = action.then!({ ok: false });
    expect(again.state).toBeUndefined();
    expect(again.effects?.[0]).toMatchObject({ reply: { text: { key: "pay.phone_invalid" } } });
    // An empty message (a sticker): the question again.
    expect(payFlow.handle(start.state!, { kind: "text", text: " " }, context).effects[0]).toMatchObject({
      reply: { text: { key: "pay.ask_phone" } },
    });
  });
});
