// SVG charts drawn in the browser (the server draws the same kind for printed reports in ReportRenderer).
// Every label goes in as text nodes, never as markup, so names from the data cannot inject anything.
"use strict";
window.Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs, text) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const fmt = v => (Math.round(v * 100) / 100).toFixed(2);

  /** Horizontal bars, best first as given; highlighted bars (the bottom three) red and marked "后三名". */
  function bars(chart) {
    const barH = 20, gap = 6, labelW = 90, plotW = 380, valueW = 110;
    const max = Math.max(1, ...chart.bars.map(b => Number(b.value)));
    const height = chart.bars.length * (barH + gap) + gap;
    const svg = svgEl("svg", { viewBox: `0 0 ${labelW + plotW + valueW} ${height}`, width: labelW + plotW + valueW, height,
      role: "img", "aria-label": chart.title });
    chart.bars.forEach((b, i) => {
      const y = gap + i * (barH + gap);
      const w = Math.round(plotW * Math.max(0, Number(b.value)) / max);
      svg.append(svgEl("text", { x: labelW - 6, y: y + 15, "text-anchor": "end", "font-size": 12 }, b.label));
      const rect = svgEl("rect", { x: labelW, y, width: w, height: barH, fill: b.highlight ? "#c62828" : "#1565c0",
        "data-bottom": b.highlight ? "true" : "false" });
      rect.append(svgEl("title", {}, `${b.label} ${fmt(Number(b.value))}${chart.unit}`));
      svg.append(rect);
      svg.append(svgEl("text", { x: labelW + w + 5, y: y + 15, "font-size": 12, fill: b.highlight ? "#c62828" : "#222" },
        `${fmt(Number(b.value))}${chart.unit}${b.highlight ? " 后三名" : ""}`));
    });
    return svg;
  }

  /** One line per series over the periods; a missing value (no report that period) breaks the line. */
  function lines(data) {
    const w = 560, h = 240, left = 44, right = 120, top = 12, bottom = 34;
    const all = data.series.flatMap(s => s.values).filter(v => v !== null);
    const min = Math.min(...all, 100), max = Math.max(...all, 0);
    const lo = Math.max(0, Math.floor(min / 10) * 10), hi = Math.min(100, Math.ceil(max / 10) * 10) || 100;
    const x = i => left + (data.periods.length === 1 ? (w - left - right) / 2 : i * (w - left - right) / (data.periods.length - 1));
    const y = v => top + (h - top - bottom) * (1 - (v - lo) / Math.max(1, hi - lo));
    const svg = svgEl("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img", "aria-label": data.title });
    for (let t = lo; t <= hi; t += 10) {
      svg.append(svgEl("line", { x1: left, x2: w - right, y1: y(t), y2: y(t), stroke: "#e0e0e0" }));
      svg.append(svgEl("text", { x: left - 6, y: y(t) + 4, "text-anchor": "end", "font-size": 11, fill: "#666" }, String(t)));
    }
    data.periods.forEach((p, i) => svg.append(svgEl("text", { x: x(i), y: h - 12, "text-anchor": "middle", "font-size": 11 }, p)));
    const palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00"];
    data.series.forEach((s, n) => {
      const colour = palette[n % palette.length];
      let path = "";
      s.values.forEach((v, i) => {
        if (v === null) return;
        path += `${path && s.values[i - 1] !== null ? "L" : "M"}${x(i)},${y(v)} `;
        svg.append(svgEl("circle", { cx: x(i), cy: y(v), r: 3, fill: colour }));
      });
      svg.append(svgEl("path", { d: path.trim(), fill: "none", stroke: colour, "stroke-width": 2 }));
      svg.append(svgEl("text", { x: w - right + 8, y: top + 14 + n * 16, "font-size": 12, fill: colour }, s.name));
    });
    return svg;
  }

  return { bars, lines };
})();
