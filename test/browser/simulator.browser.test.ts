// The simulator page in a real browser (Debian's Chromium driven by playwright-core), at a desktop's size and a
// phone's (390x844), against the real engine, PostgreSQL, Redis and outbound worker: typing and sending, tapping a
// button, switching between people, a message reaching someone not on screen (shown with an unread mark), adding a
// person by number, a reload keeping both sides of a chat, and long messages. A failure leaves a screenshot in
// test-results/. .ci/run installs Chromium with apt-get when it is missing.
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/http/app.js";
import { createLogger } from "../../src/logger.js";
import { startHarness } from "../support/engine-harness.js";
import { testRedis } from "../support/services.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath))
  throw new Error(`Chromium is not installed at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

const h = await startHarness();
const app = createHttpApp({
  db: h.db,
  redis: await testRedis(),
  logger: createLogger("silent"),
  simulator: h.simulator.router(),
});
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simulator/`;
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

const sizes = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, phone: false },
  { name: "phone", viewport: { width: 390, height: 844 }, phone: true },
] as const;

describe.each(sizes)("the simulator page at $name size", ({ name, viewport, phone }) => {
  let page: Page;
  const open = async () => {
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    page = await context.newPage();
    await page.goto(base);
    // Live at once: the first poll answers immediately (it used to read "connecting..." for 25 s).
    await page.locator("#live", { hasText: "live" }).waitFor({ timeout: 3000 });
  };
  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && page) {
      mkdirSync("test-results", { recursive: true });
      const path = `test-results/browser-${name}-${context.task.name.replace(/\W+/g, "-").slice(0, 60)}.png`;
      await page.screenshot({ path, fullPage: true }).catch(() => undefined);
      console.log(`screenshot of the failure: ${path}`);
    }
    await page?.context().close();
  });

  const activePane = () => page.locator(".pane.active");
  const say = async (text: string) => {
    await activePane().locator(".composer input").fill(text);
    await activePane().locator(".composer button").click();
  };
  const botSaid = (text: string | RegExp) => activePane().locator(".bubble.bot", { hasText: text }).last();

  it("chats as a preset person: types, sends, sees the answer and taps a button", async () => {
    await open();
    expect(await activePane().locator(".role").textContent()).toBe("Organizer / Mratibu");
    await say("/lugha");
    const question = botSaid(/English|Kiswahili/);
    await question.waitFor();
    await question.locator(".choices button", { hasText: "English" }).click();
    await activePane().locator(".bubble.me", { hasText: "English" }).last().waitFor();
    await botSaid("Language set to English").waitFor();
    expect(await activePane().locator(".bubble.bot").count()).toBeGreaterThanOrEqual(2);
    if (phone) {
      // One chat fills the phone; the header and the folded form leave it most of the screen.
      expect(await page.locator(".pane:visible").count()).toBe(1);
      const header = await page.locator("header.top").boundingBox();
      expect(header!.height).toBeLessThan(viewport.height * 0.2);
    } else {
      expect(await page.locator(".pane:visible").count()).toBe(3);
    }
  });

  it("shows a message that reached someone not being looked at with an unread mark, and clears it when opened", async () => {
    await open();
    await say(`/newevent Harusi ya ${name} | wedding | 2031-05-10 14:00 | Hall`);
    const created = botSaid(new RegExp(`ready: Harusi ya ${name}`));
    await created.waitFor();
    const code = /(HARUSI-[A-Z0-9]+)/.exec((await created.textContent())!)![1]!;
    await say(`/invite ${code} +255765440918 Joseph`);
    const josephTab = page.locator(".tabs button", { hasText: "Joseph" });
    await josephTab.locator(".badge", { hasText: "1" }).waitFor({ timeout: 10_000 });
    if (phone) expect(await page.locator(".pane", { hasText: "Guest / Mgeni" }).isVisible()).toBe(false);
    await josephTab.click();
    expect(await activePane().locator(".role").textContent()).toBe("Guest / Mgeni");
    await botSaid(new RegExp(`Harusi ya ${name}`)).waitFor();
    expect(await josephTab.locator(".badge").textContent()).toBe("");
    // Switching back: the organizer's chat is as it was.
    await page.locator(".tabs button", { hasText: "Neema" }).click();
    await botSaid(new RegExp(`Invited to Harusi ya ${name}: 1`)).waitFor();
  });

  it("adds a person by phone number, chats as them, and keeps both sides of the chat after a reload", async () => {
    await open();
    const number = `+4479${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    if (phone) await page.locator("#add-wrap summary").click();
    await page.locator("#add-person [name=person]").fill("Sam");
    await page.locator("#add-person [name=phone]").fill(number);
    await page.locator("#add-person button[type=submit]").click();
    await activePane().locator(".phone", { hasText: number }).waitFor();
    await say("hello there");
    await botSaid(/Sam|name|Welcome/i).waitFor();

    await page.reload();
    await page.locator("#live", { hasText: "live" }).waitFor({ timeout: 3000 });
    await page.locator(".tabs button", { hasText: "Sam" }).click();
    // Before, only Nuru's side came back.
    await activePane().locator(".bubble.me", { hasText: "hello there" }).waitFor();
    await activePane().locator(".bubble.bot").first().waitFor();
  });

  it("says a message is long, and shows Nuru's answer to one over the limit instead of cutting it", async () => {
    await open();
    const input = activePane().locator(".composer input");
    await input.fill("a".repeat(5000));
    await activePane().locator(".longnote", { hasText: "Long message: 5000 characters" }).waitFor();
    await input.fill("b".repeat(33_000));
    await activePane().locator(".longnote", { hasText: "Over 32,000 characters" }).waitFor();
    await activePane().locator(".composer button").click();
    await botSaid(/33,000|33 000|33000/).waitFor({ timeout: 10_000 });
  });
});
