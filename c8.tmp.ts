import { loadCorpus } from "./test/support/understanding-corpus.ts";
import { readDateTime } from "./src/language/dates.ts";
const lines = loadCorpus().get("dates")!;
const per: [number, number, string][] = [];
for (const l of lines) { const ctx = { timeZone: String(l.context!.timeZone), now: new Date(String(l.context!.now)) }; for (let i = 0; i < 20; i++) readDateTime(l.text, ctx); const t: number[] = []; for (let i = 0; i < 100; i++) { const s = performance.now(); readDateTime(l.text, ctx); t.push(performance.now() - s); } t.sort((a, b) => a - b); per.push([t[50]!, t[99]!, l.text]); }
per.sort((a, b) => b[0] - a[0]); for (const p of per.slice(0, 8)) console.log(p[0].toFixed(3), p[1].toFixed(2), p[2]);
per.sort((a, b) => b[1] - a[1]); for (const p of per.slice(0, 8)) console.log("max", p[0].toFixed(3), p[1].toFixed(2), p[2]);
