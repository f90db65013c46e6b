// 公开公示: projects and funds by township, from the anonymous /api/public/projects. No key, no ledger data.
"use strict";
(() => {
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
    for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  const yuan = n => Number(n).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rate = n => `${Number(n).toFixed(2)}%`;
  const STATUS = { notStarted: "未开工", underConstruction: "在建", completed: "已完工" };
  const cst = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });

  async function load(districtId) {
    const main = document.getElementById("townships");
    const response = await fetch(`/api/public/projects${districtId ? "?districtId=" + encodeURIComponent(districtId) : ""}`);
    if (!response.ok) {
      main.replaceChildren(h("p", { class: "error" }, "暂无可公开的项目信息。"));
      document.body.dataset.ready = "error";
      return;
    }
    const data = await response.json();
    document.getElementById("district-name").textContent = data.districtName;
    const select = document.getElementById("district-select");
    select.replaceChildren(...data.districts.map(d => h("option", { value: d }, d)));
    select.value = data.districtId;
    select.onchange = () => load(select.value);

    const projects = data.townships.reduce((n, t) => n + t.projectCount, 0);
    const completed = data.townships.reduce((n, t) => n + t.completed, 0);
    document.getElementById("totals").replaceChildren(
      h("div", { class: "card" }, h("b", {}, projects), "扶贫项目"),
      h("div", { class: "card" }, h("b", {}, completed), "已完工"),
      h("div", { class: "card" }, h("b", {}, yuan(data.allocated)), "安排资金（元）"),
      h("div", { class: "card" }, h("b", {}, yuan(data.disbursed)), "已拨付（元）"),
      h("div", { class: "card" }, h("b", { id: "district-rate" }, rate(data.disbursementRate)), "资金拨付率"),
      h("div", { class: "card" }, h("b", {}, cst.format(new Date(data.generatedAt))), "公示时间"));

    const summary = h("table", { id: "township-summary" },
      h("thead", {}, h("tr", {}, ["乡镇", "项目数", "已完工", "完成率", "安排资金（元）", "已拨付（元）", "拨付率"].map(t => h("th", {}, t)))),
      h("tbody", {}, data.townships.map(t => h("tr", { "data-unit": t.unitId },
        h("td", {}, h("a", { href: `#${t.unitId}`, "data-open": t.unitId }, t.name)), h("td", { class: "num" }, t.projectCount), h("td", { class: "num" }, t.completed),
        h("td", { class: "num" }, rate(t.completionRate)), h("td", { class: "num" }, yuan(t.allocated)),
        h("td", { class: "num" }, yuan(t.disbursed)), h("td", { class: "num" }, rate(t.disbursementRate))))));
    // Each township's projects fold under its name, so the district totals stay on the first screen.
    const details = data.townships.map(t => h("details", { id: t.unitId, class: "panel" },
      h("summary", {}, `${t.name}（${t.projectCount} 个项目，拨付率 ${rate(t.disbursementRate)}）`),
      h("table", { class: "projects" },
        h("thead", {}, h("tr", {}, ["项目", "年度", "状态", "进度", "安排资金（元）", "已拨付（元）", "拨付率"].map(x => h("th", {}, x)))),
        h("tbody", {}, t.projects.map(p => h("tr", {},
          h("td", {}, p.name), h("td", { class: "num" }, p.year), h("td", {}, STATUS[p.status] || p.status), h("td", { class: "num" }, `${p.percent}%`),
          h("td", { class: "num" }, yuan(p.allocated)), h("td", { class: "num" }, yuan(p.disbursed)), h("td", { class: "num" }, rate(p.disbursementRate))))))));
    main.replaceChildren(h("h2", {}, "各乡镇汇总"), summary, h("h2", {}, "项目明细"), ...details);
    summary.addEventListener("click", e => {
      const target = e.target.closest("a[data-open]");
      if (target) document.getElementById(target.dataset.open).open = true;
    });
    document.body.dataset.ready = "public";
  }

  load(new URLSearchParams(location.search).get("district"));
})();
