// bench:understand — the understanding layer on its corpus: accuracy per group and the time to read one message
// (median and p99 over many rounds, after a warm-up). Pure functions: no database, no Redis.
import { checkGroup, groupReaders, loadCorpus } from "../test/support/understanding-corpus.js";

const rounds = Number(process.env.ROUNDS ?? 200);
const corpus = loadCorpus();
const rows: string[] = [];
let all: number[] = [];
let total = 0;
let passed = 0;

for (const [group, lines] of corpus) {
  const result = checkGroup(group, lines);
  total += result.total;
  passed += result.passed;
  const reader = groupReaders[group]!;
  for (const line of lines) reader(line); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const line of lines) {
      const start = process.hrtime.bigint();
      reader(line);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  all = all.concat(times);
  rows.push(
    `${group.padEnd(12)} ${String(result.passed).padStart(4)}/${String(result.total).padEnd(4)} ${((100 * result.passed) / result.total).toFixed(1).padStart(6)} %   p50 ${ms(times, 0.5)}  p99 ${ms(times, 0.99)}`,
  );
  for (const f of result.failures)
    rows.push(
      `    miss: ${JSON.stringify(f.line.text)} expected ${JSON.stringify(f.line.expect)} got ${JSON.stringify(f.got)}`,
    );
}

function ms(times: number[], q: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(4)} ms`;
}

console.log(`bench:understand — ${total} lines, ${rounds} rounds each, node ${process.version}`);
console.log(`group          pass/total  accuracy   time per message`);
for (const row of rows) console.log(row);
console.log(
  `all          ${String(passed).padStart(4)}/${String(total).padEnd(4)} ${((100 * passed) / total).toFixed(1).padStart(6)} %   p50 ${ms(all, 0.5)}  p99 ${ms(all, 0.99)}`,
);
