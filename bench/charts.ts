// npm run bench:charts: how long one chart takes, SVG drawn and rendered to PNG by resvg with the bundled font
// (the picture /guests, /results, /budget and /contributions send). Target: under 200 ms per chart.
import os from "node:os";
import { barChartPng } from "../src/charts/bar-chart.js";

const runs = 200;
const chart = (i: number) => ({
  title: "Harusi ya Neema – majibu",
  subtitle: `watu ${100 + i} wanakuja`,
  bars: ["Wanakuja", "Hawaji", "Labda", "Hawajajibu"].map((label, k) => ({ label, value: (i * (k + 3)) % 97 })),
});
const first = performance.now();
barChartPng(chart(0));
const cold = performance.now() - first;
const times: number[] = [];
for (let i = 1; i <= runs; i++) {
  const t = performance.now();
  barChartPng(chart(i));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`${os.cpus()[0]?.model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(
  `first chart (font loading): ${cold.toFixed(1)} ms; then ${runs} charts: p50 ${times[runs / 2]!.toFixed(1)} ms, p99 ${times[Math.floor(runs * 0.99)]!.toFixed(1)} ms (target: under 200 ms)`,
);
