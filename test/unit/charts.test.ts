// Charts as pictures: a PNG a phone shows well (720 px wide), taller with more bars, different when the numbers
// differ, and text that cannot break the SVG it is drawn in.
import { describe, expect, it } from "vitest";
import { barChartPng, barChartSvg } from "../../src/charts/bar-chart.js";

const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("bar charts", () => {
  it("renders a PNG 720 px wide, one row per bar", () => {
    const two = barChartPng({
      title: "Harusi ya Neema – majibu",
      subtitle: "watu 5 wanakuja",
      bars: [
        { label: "Wanakuja", value: 3 },
        { label: "Hawaji", value: 1 },
      ],
    });
    expect([...two.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(size(two).width).toBe(720);
    const four = barChartPng({
      title: "Harusi ya Neema – majibu",
      subtitle: "watu 5 wanakuja",
      bars: [1, 2, 3, 4].map((n) => ({ label: `B${n}`, value: n })),
    });
    expect(size(four).height - size(two).height).toBe(2 * 64);
    expect(two.length).toBeGreaterThan(3000);
  });

  it("changes when the numbers do", () => {
    const chart = (accepted: number) =>
      barChartPng({
        title: "Answers",
        bars: [
          { label: "Coming", value: accepted },
          { label: "Not coming", value: 2 },
        ],
      });
    expect(chart(3).equals(chart(3))).toBe(true);
    expect(chart(3).equals(chart(4))).toBe(false);
  });

  it("escapes what people typed (a poll's question, a name) and keeps long labels to their room", () => {
    const svg = barChartSvg({
      title: 'Chakula <b> & "vinywaji"',
      bars: [{ label: "Wali na maharage ya nazi kwa wote", value: 1 }],
    });
    expect(svg).toContain("Chakula &#60;b&#62; &#38; &#34;vinywaji&#34;");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("Wali na maharage…");
  });
});
