// /export end to end: the organizer gets a CSV file in the chat, downloadable from the simulator page's API, that
// Excel reads right (UTF-8 with a byte-order mark, quoting by a CSV library), with amounts as numbers and times in the
// event's zone, named after the event; in Swahili for a Swahili organizer; and on Telegram through sendDocument.
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/http/app.js";
import { createLogger } from "../../src/logger.js";
import { startHarness } from "../support/engine-harness.js";
import { testRedis, ukPhone, uniquePhone } from "../support/services.js";
import { startTelegramService, type TelegramUser } from "../support/telegram-service.js";

const h = await startHarness();
const app = createHttpApp({
  db: h.db,
  redis: await testRedis(),
  logger: createLogger("silent"),
  simulator: h.simulator.router(),
});
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simulator/`;
const service = await startTelegramService();
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await service.close();
});
const last = async (phone: string, n: number) => h.reply(phone, n);

/** A CSV's rows, read back by the rules the library writes them with (quotes doubled, CRLF between records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("/export", () => {
  it("sends the guests as a CSV file that Excel reads right, downloadable from the simulator", async () => {
    const organizer = ukPhone();
    await h.say(
      organizer,
      "/newevent Harusi ya Neema & Baraka | wedding | 2031-02-15 14:00 | Diamond Jubilee",
      "Neema",
    );
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await last(organizer, 1)).text)![1]!;
    const [amina, juma] = [uniquePhone(), uniquePhone()];
    await h.say(organizer, `/invite ${code} ${amina} Amina "Mama Zawadi" Ñyambura, ${juma} Juma`);
    await h.replies(organizer, 2);
    await h.replies(amina, 1);
    await h.deliver(amina, { kind: "choice", value: h.sent.to(amina)[0]!.choices![0]!.value });
    await h.say(amina, "3");
    await h.replies(amina, 3);
    await h.say(organizer, `/expense ${code} Ukumbi | 1,500,000 | 500k`);
    await h.replies(organizer, 3);

    await h.say(organizer, `/export ${code} guests`);
    const sent = await last(organizer, 4);
    expect(sent.text).toBe(
      "Harusi ya Neema & Baraka: guests, 2 rows. Opens in Excel, Google Sheets or Numbers; times are in Africa/Dar_es_Salaam.",
    );
    expect(sent.document).toMatchObject({ filename: "Harusi-ya-Neema-Baraka-guests.csv", mimeType: "text/csv" });
    const bytes = Buffer.from(sent.document!.base64, "base64");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(["Name", "Phone", "Answer", "People coming", "Answered at", "Invitation code"]);
    const aminaRow = rows.find((r) => r[1] === amina)!;
    expect(aminaRow.slice(0, 3)).toEqual(['Amina "Mama Zawadi" Ñyambura', amina, "coming"]);
    expect(aminaRow[3]).toBe("3");
    expect(aminaRow[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.find((r) => r[1] === juma)!.slice(2, 4)).toEqual(["not answered", "0"]);

    // The page downloads it from the simulator's API under its name.
    const messages = (await (
      await fetch(`${base}api/chats/${encodeURIComponent(organizer)}/messages?after=0`)
    ).json()) as { document?: { url: string; filename: string } }[];
    const file = messages.find((m) => m.document)!.document!;
    const download = await fetch(base + file.url);
    expect(download.headers.get("content-type")).toContain("text/csv");
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?Harusi-ya-Neema-Baraka-guests\.csv"?$/,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    // The budget with its amounts as numbers; an unknown list gets the usage; a stranger learns nothing.
    await h.say(organizer, `/export ${code} budget`);
    const budget = parseCsv(
      Buffer.from((await last(organizer, 5)).document!.base64, "base64")
        .subarray(3)
        .toString("utf8"),
    );
    expect(budget).toEqual([
      ["Item", "From", "Planned", "Paid", "Status", "Currency"],
      ["Ukumbi", "expense", "1500000", "500000", "not paid", "TZS"],
    ]);
    await h.say(organizer, `/export ${code} everything`);
    expect((await last(organizer, 6)).text).toBe(
      `Say which list: /export ${code} guests, contributions, budget or tasks.`,
    );
    const stranger = ukPhone();
    await h.say(stranger, `/export ${code} guests`, "Stranger");
    expect((await last(stranger, 1)).text).toContain(`I could not find an event "${code}" of yours.`);
  });

  it("exports 10,000 guests in one file", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Mkutano Mkuu | corporate | 2031-03-01 09:00 | Mlimani City", "Asha");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await last(organizer, 1)).text)![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const tag = String(Date.now()).slice(-6);
    await h.db.$executeRawUnsafe(
      `INSERT INTO users (name, phone, locale) SELECT 'Mgeni ' || g, '+2556${tag}' || lpad(g::text, 5, '0'), 'sw' FROM generate_series(0, 9999) g`,
    );
    await h.db.$executeRawUnsafe(`INSERT INTO invitations (event_id, recipient_phone, recipient_name, code, user_id, sent_at)
      SELECT '${event.id}', phone, name, 'X${tag}' || substr(phone, 10), id, now() FROM users WHERE phone LIKE '+2556${tag}%'`);
    await h.db.$executeRawUnsafe(`INSERT INTO event_guests (event_id, user_id, rsvp_status, party_size, responded_at)
      SELECT '${event.id}', id, 'accepted', 2, now() FROM users WHERE phone LIKE '+2556${tag}%'`);
    await h.say(organizer, `/export ${code} guests`);
    const sent = await last(organizer, 2);
    expect(sent.text).toContain("guests, 10000 rows");
    expect(Buffer.from(sent.document!.base64, "base64").toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(
      10_001,
    );
  });

  it("sends the file through Telegram's sendDocument, in Swahili for a Swahili organizer", async () => {
    const organizer: TelegramUser = service.user({ firstName: "Neema" });
    await organizer.send("/lugha sw");
    await organizer.waitForMessages(1);
    await organizer.send("/tukiompya Sherehe ya Bibi | other | 2031-04-04 16:00 | Ukumbi");
    const code = /([A-Z]+-[A-Z0-9]{3})/.exec((await organizer.waitForMessages(2))[1]!.text)![1]!;
    await organizer.send(`/pakua ${code} kazi`);
    const deadline = Date.now() + 10_000;
    while (!service.fake.mediaSent.some((m) => m.method === "sendDocument") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const call = service.fake.mediaSent.find((m) => m.method === "sendDocument")!;
    expect(call.body.caption).toBe(
      "Sherehe ya Bibi: kazi, safu 0. Hufunguka kwa Excel, Google Sheets au Numbers; saa ni za Africa/Dar_es_Salaam.",
    );
    const file = call.body.document as { filename: string; bytes: Buffer };
    expect(file.filename).toBe("Sherehe-ya-Bibi-kazi.csv");
    expect(file.bytes.subarray(3).toString("utf8")).toBe("Kumbukumbu,Kazi,Hali,Amepewa,Simu,Mwisho\r\n");

    // A chart reaches Telegram as a picture (sendPhoto), titled in Swahili.
    await organizer.send(`/gharama ${code} Ukumbi | 100k`);
    await organizer.waitForMessages(3); // the file went by sendDocument, not as a chat message
    await organizer.send(`/bajeti ${code}`);
    const until = Date.now() + 10_000;
    while (!service.fake.mediaSent.some((m) => m.method === "sendPhoto") && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    const chart = service.fake.mediaSent.find((m) => m.method === "sendPhoto")!;
    expect(chart.body.caption).toBe("📊 Sherehe ya Bibi – bajeti");
    const png = (chart.body.photo as { bytes: Buffer }).bytes;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.readUInt32BE(16)).toBe(720);
  });
});
