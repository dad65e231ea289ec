import { en } from "chrono-node";
import { TZDate } from "@date-fns/tz";
import { swahiliParsers, mayHoldDate } from "./src/language/swahili-dates.ts";
import { words } from "./src/language/text.ts";
import { readDateTime } from "./src/language/dates.ts";
const reader = en.casual.clone(); reader.parsers.unshift(...swahiliParsers);
const now = new Date("2026-12-01T07:00:00Z");
const t = "jumamosi ijayo saa nane mchana";
function bench(name: string, f: () => void) { for (let k = 0; k < 3000; k++) f(); const times: number[] = []; for (let k = 0; k < 5000; k++) { const s = performance.now(); f(); times.push(performance.now() - s); } times.sort((a, b) => a - b); console.log(name.padEnd(20), times[2500]!.toFixed(4)); }
bench("words", () => words(t));
bench("gate", () => mayHoldDate.test(t));
bench("tz", () => new TZDate(now.getTime(), "Africa/Dar_es_Salaam").getTimezoneOffset());
bench("casual", () => en.casual.parse(t, { instant: now, timezone: 180 }, { forwardDate: true }));
bench("reader", () => reader.parse(t, { instant: now, timezone: 180 }, { forwardDate: true }));
for (const p of swahiliParsers) { const c = en.casual.clone(); c.parsers = [p]; c.refiners = []; bench("only " + (p as any).pattern().source.slice(0, 30), () => c.parse(t, { instant: now, timezone: 180 })); }
bench("full", () => readDateTime(t, { timeZone: "Africa/Dar_es_Salaam", now }));
