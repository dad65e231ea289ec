// Charts as pictures for the chat: horizontal bars drawn as SVG and rendered to PNG on the server by resvg (no
// browser), with the DejaVu Sans font the project installs itself (dejavu-fonts-ttf), so a chart looks the same on
// every machine and Swahili and other accented names render. Sized for a phone: 720 px wide, large type.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const fontFiles = [
  require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
];

export interface Bar {
  label: string;
  value: number;
  /** what is written at the bar's end (default: the value) */
  text?: string;
  color?: string;
}

export interface BarChart {
  title: string;
  subtitle?: string;
  bars: Bar[];
}

const palette = [
  "#1f5f5b",
  "#f2b134",
  "#c8553d",
  "#7a9e9f",
  "#5b8c5a",
  "#8e6c8a",
  "#3d5a80",
  "#b5838d",
  "#6d597a",
  "#e07a5f",
];
const width = 720;
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Long labels are cut so the bars keep their room. */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The chart as an SVG document. */
export function barChartSvg(chart: BarChart): string {
  const top = chart.subtitle ? 110 : 80;
  const row = 64;
  const height = top + chart.bars.length * row + 24;
  const labelWidth = 250;
  const barMax = width - labelWidth - 200;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const bars = chart.bars
    .map((bar, i) => {
      const y = top + i * row;
      const length = Math.max(bar.value > 0 ? 4 : 0, Math.round((bar.value / max) * barMax));
      return [
        `<text x="24" y="${y + 34}" font-size="24" fill="#1c2b2a">${escape(fit(bar.label, 17))}</text>`,
        `<rect x="${labelWidth}" y="${y + 8}" width="${length}" height="40" rx="6" fill="${bar.color ?? palette[i % palette.length]}"/>`,
        `<text x="${labelWidth + length + 12}" y="${y + 36}" font-size="24" font-weight="bold" fill="#1c2b2a">${escape(bar.text ?? String(bar.value))}</text>`,
      ].join("");
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="24" y="48" font-size="30" font-weight="bold" fill="#123c3a">${escape(fit(chart.title, 40))}</text>` +
    (chart.subtitle
      ? `<text x="24" y="84" font-size="22" fill="#4d5b59">${escape(fit(chart.subtitle, 52))}</text>`
      : "") +
    bars +
    `</svg>`
  );
}

/** The chart as a PNG. */
export function barChartPng(chart: BarChart): Buffer {
  const resvg = new Resvg(barChartSvg(chart), {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return Buffer.from(resvg.render().asPng());
}
