// The operator dashboard: a key kept in sessionStorage, the existing JSON API, hash routes, no framework.
// Text from the API is always inserted as text nodes (see h()), never as HTML.
"use strict";
(() => {
  const KEY = "rectifyflows.apiKey", PLAN = "rectifyflows.planId";
  const view = document.getElementById("view");
  const cache = new Map();

  // ---------- small helpers ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  const cst = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const time = iso => iso ? cst.format(new Date(iso)).replace(/\//g, "-") : "—";
  const todayCst = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const STATUS = { notStarted: "未启动", inProgress: "整改中", evidenceSubmitted: "已报送成效", signedOff: "已销号", returned: "已退回" };
  const COLOUR = { red: "红", yellow: "黄", green: "绿" };
  const KIND = { immediate: "立行立改", deadline: "限期整改", longTerm: "长期整改" };
  const ACTION = { progress: "报送进度", evidence: "报送整改成效", signoff: "审核销号", return: "退回", extension: "延期申请",
    "extension.approved": "同意延期", "extension.refused": "不同意延期", "ledger-import": "台账导入修改", import: "方案导入",
    "import.created": "方案导入", "import.updated": "方案更新" };
  const NOTICE = { reminder: "到期提醒", escalation1: "逾期督办·一级", escalation2: "逾期督办·二级", escalation3: "逾期问责·三级",
    bulletin: "通报", callIn: "约谈通知", strike: "季度记次", reportReady: "报告已生成", inspectionRequest: "督查通知", reverification: "复核提醒" };
  const DELIVERY = { pending: "待发送", sent: "已发送", failed: "发送失败", dead: "已放弃" };
  const RUNTIME = { Running: "运行中", Completed: "已完成", Failed: "失败", Pending: "等待中", Terminated: "已终止", Suspended: "已暂停" };
  const PHASE = { Open: "开启", Collecting: "收集督查结果", Bulletin: "印发通报", Handling: "处理问责", Report: "归档报告", Done: "结束",
    Ranking: "排名", CallIns: "约谈", Scoring: "评分", Strikes: "记次", Reverification: "复核" };
  const dot = colour => h("span", { class: `dot ${colour}`, title: COLOUR[colour] || colour });
  const colourCell = colour => h("td", { "data-colour": colour }, dot(colour), COLOUR[colour] || colour);
  const progress = n => h("span", {}, (() => { const bar = h("span", { class: "bar" }, h("i")); bar.firstChild.style.width = `${n}%`; return bar; })(), `${n}%`);
  const table = (headers, rows, attrs) => h("table", attrs || {}, h("thead", {}, h("tr", {}, headers.map(x => h("th", {}, x)))), h("tbody", {}, rows));
  const empty = (text, cols) => h("tr", {}, h("td", { colspan: cols, class: "muted" }, text));

  class ApiError extends Error {
    constructor(status, problem) { super(problem?.title || `HTTP ${status}`); this.status = status; this.problem = problem; }
  }

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { "X-Api-Key": sessionStorage.getItem(KEY) || "", ...(options.headers || {}) } });
    if (response.status === 401) { logout("密钥无效或已失效，请重新登录。"); throw new ApiError(401); }
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return options.raw ? response : body;
  }
  const apiOrNull = path => api(path).catch(e => { if (e.status === 404) return null; throw e; });
  const once = (key, load) => { if (!cache.has(key)) cache.set(key, load().catch(e => { cache.delete(key); throw e; })); return cache.get(key); };

  // ---------- login ----------
  function logout(message) {
    sessionStorage.removeItem(KEY);
    cache.clear();
    document.getElementById("nav").hidden = true;
    view.replaceChildren();
    document.getElementById("login").hidden = false;
    document.getElementById("login-error").textContent = message || "";
  }

  document.getElementById("login-form").addEventListener("submit", async e => {
    e.preventDefault();
    sessionStorage.setItem(KEY, document.getElementById("api-key").value.trim());
    try {
      await api("/api/dashboard/plans");
      document.getElementById("api-key").value = "";
      route();
    } catch (err) {
      if (err.status !== 401) logout(`登录失败：${err.message}`);
    }
  });
  document.getElementById("logout").addEventListener("click", () => logout());

  // ---------- plan and units ----------
  async function plans() { return (await once("plans", () => api("/api/dashboard/plans"))).items; }
  async function currentPlan() {
    const list = await plans();
    const wanted = sessionStorage.getItem(PLAN);
    const plan = list.find(p => p.planId === wanted) || list[0];
    if (!plan) throw new Error("尚未导入任何整改方案。");
    const select = document.getElementById("plan-select");
    if (select.options.length !== list.length) {
      select.replaceChildren(...list.map(p => h("option", { value: p.planId }, p.planId)));
      select.onchange = () => { sessionStorage.setItem(PLAN, select.value); route(); };
    }
    select.value = plan.planId;
    return plan;
  }
  const planDetail = planId => once(`plan:${planId}`, () => api(`/api/plans/${encodeURIComponent(planId)}`));
  async function unitNames(districtId) {
    const units = await once(`units:${districtId}`, () => api(`/api/dashboard/units?districtId=${encodeURIComponent(districtId)}`));
    const byId = new Map(units.items.map(u => [u.id, u]));
    const district = units.items.find(u => u.kind === "district");
    document.getElementById("district-name").textContent = district ? district.name : districtId;
    return { byId, name: id => byId.get(id)?.name || id, list: units.items };
  }
  const unitLink = (units, id) => h("a", { href: `#/unit/${encodeURIComponent(id)}` }, units.name(id));
  // Several units in one cell (a measure's lead units, its responsible units): links separated by 、.
  const unitLinks = (units, ids) => ids.flatMap((id, i) => [i ? "、" : "", unitLink(units, id)]);
  // A measure's lead units, the first-named first (plan format 2 may name several).
  const leadUnits = m => m.leadUnitIds || [m.leadUnitId];

  // ---------- routing ----------
  function parseHash() {
    const [path, query] = (location.hash.replace(/^#/, "") || "/ledger").split("?");
    return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query || "") };
  }

  async function route() {
    if (!sessionStorage.getItem(KEY)) { logout(); return; }
    document.getElementById("login").hidden = true;
    document.getElementById("nav").hidden = false;
    const { parts, query } = parseHash();
    const page = parts[0] || "ledger";
    document.querySelectorAll("[data-nav]").forEach(a => a.classList.toggle("active", a.dataset.nav === page ||
      (page === "measure" || page === "unit") && a.dataset.nav === "ledger"));
    view.replaceChildren(h("p", { class: "muted" }, "加载中……"));
    view.dataset.page = page;
    view.removeAttribute("data-ready");
    try {
      const render = { ledger: ledgerView, measure: measureView, unit: unitView, cycles: cyclesView, rankings: rankingsView }[page] || ledgerView;
      const content = await render(parts, query);
      view.replaceChildren(...[content].flat());
      view.dataset.ready = page;
    } catch (err) {
      if (err.status === 401) return;
      view.replaceChildren(h("p", { class: "error" }, `无法加载：${err.message}${err.problem?.detail ? "（" + err.problem.detail + "）" : ""}`));
      view.dataset.ready = "error";
    }
  }
  window.addEventListener("hashchange", route);

  // ---------- 台账总览 ----------
  async function ledgerView(_, query) {
    const plan = await currentPlan();
    const [detail, units] = await Promise.all([planDetail(plan.planId), unitNames(plan.districtId)]);
    const filters = new URLSearchParams({ planId: plan.planId });
    for (const name of ["unitId", "status", "colour"]) if (query.get(name)) filters.set(name, query.get(name));
    const list = await api(`/api/measures?${filters}`);

    const all = detail.categories.flatMap(c => c.problems.flatMap(p => p.measures));
    const count = colour => all.filter(m => m.colour === colour).length;
    const cards = h("div", { class: "cards" },
      h("div", { class: "card" }, h("b", {}, all.length), "整改措施"),
      h("div", { class: "card red" }, h("b", { id: "count-red" }, count("red")), "红色（逾期）"),
      h("div", { class: "card yellow" }, h("b", {}, count("yellow")), "黄色（滞后）"),
      h("div", { class: "card green" }, h("b", {}, count("green")), "绿色（正常）"),
      h("div", { class: "card" }, h("b", {}, all.filter(m => m.status === "signedOff").length), "已销号"));

    const select = (id, name, options) => {
      const el = h("select", { id, name }, h("option", { value: "" }, "全部"), options.map(([v, t]) => h("option", { value: v }, t)));
      el.value = query.get(name) || "";
      el.addEventListener("change", () => {
        const q = new URLSearchParams(query);
        if (el.value) q.set(name, el.value); else q.delete(name);
        location.hash = `#/ledger?${q}`;
      });
      return el;
    };
    const involved = [...new Set(all.flatMap(m => [...leadUnits(m), ...m.responsibleUnitIds]))]
      .map(id => [id, units.name(id)]).sort((a, b) => a[1].localeCompare(b[1], "zh-CN"));
    const filterBar = h("div", { class: "filters" },
      h("label", {}, "单位 ", select("filter-unit", "unitId", involved)),
      h("label", {}, "状态 ", select("filter-status", "status", Object.entries(STATUS))),
      h("label", {}, "三色 ", select("filter-colour", "colour", Object.entries(COLOUR))),
      h("span", { id: "ledger-count" }, `共 ${list.count} 项措施`),
      h("span", { class: "muted" }, `统计日期 ${list.asOf}`));

    const byProblem = new Map();
    for (const m of list.items) (byProblem.get(m.problemId) || byProblem.set(m.problemId, []).get(m.problemId)).push(m);
    const rows = [];
    for (const category of detail.categories) for (const problem of category.problems) {
      const items = byProblem.get(problem.id);
      if (!items) continue;
      rows.push(h("tr", { class: "problem" }, h("td", { colspan: 8 }, `问题${problem.number}：${problem.title}`)));
      for (const m of items) rows.push(h("tr", { "data-measure-id": m.id, "data-colour": m.colour },
        colourCell(m.colour),
        h("td", {}, h("a", { href: `#/measure/${encodeURIComponent(m.id)}` }, m.id)),
        h("td", { class: "text" }, m.text.length > 80 ? m.text.slice(0, 80) + "…" : m.text),
        h("td", {}, unitLinks(units, leadUnits(m))),
        h("td", {}, STATUS[m.status] || m.status),
        h("td", {}, progress(m.progress)),
        h("td", { class: "num" }, m.dueDate),
        h("td", { class: "num" }, m.overdue ? `${m.daysOverdue} 天` : "—")));
    }
    if (rows.length === 0) rows.push(empty("没有符合条件的措施。", 8));

    return [h("h1", {}, detail.title), cards, filterBar,
      table(["三色", "编号", "整改措施", "牵头单位", "状态", "进度", "整改时限", "逾期"], rows, { id: "ledger" }),
      ledgerExcelPanel(plan.planId)];
  }

  function ledgerExcelPanel(planId) {
    const result = h("div", { id: "import-result", role: "status" });
    const file = h("input", { type: "file", id: "ledger-file", accept: ".xlsx" });
    const download = async () => {
      const response = await api(`/api/plans/${encodeURIComponent(planId)}/ledger.xlsx`, { raw: true });
      const url = URL.createObjectURL(await response.blob());
      const a = h("a", { href: url, download: `${planId}-台账-${todayCst()}.xlsx` });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    };
    const upload = async e => {
      e.preventDefault();
      if (!file.files.length) { result.replaceChildren(h("p", { class: "error" }, "请选择编辑后的台账文件（.xlsx）。")); return; }
      const form = new FormData();
      form.append("file", file.files[0]);
      try {
        const done = await api(`/api/plans/${encodeURIComponent(planId)}/ledger.xlsx`, { method: "POST", body: form });
        cache.delete(`plan:${planId}`);
        result.replaceChildren(h("p", { class: "ok" }, `导入成功：${done.rows} 行中 ${done.changed} 行有修改并已写入（${done.measureIds.join("、") || "无"}）。`));
      } catch (err) {
        const errors = Object.entries(err.problem?.errors || {}).map(([cell, messages]) => h("li", {}, `${cell}：${messages.join(" ")}`));
        result.replaceChildren(h("p", { class: "error" }, err.problem?.detail || err.message), h("ul", {}, errors));
      }
    };
    return h("div", { class: "panel" }, h("h2", {}, "台账 Excel 导出与导入"),
      h("p", { class: "muted" }, "导出后只修改“进度(%)”和“整改时限”两列，保存后导入；整份文件校验通过才写入，未修改的行不会改动。"),
      h("form", { class: "inline", onsubmit: upload },
        h("button", { type: "button", class: "secondary", onclick: download }, "导出台账 Excel"), file, h("button", { type: "submit" }, "导入修改")),
      result);
  }

  // ---------- 措施详情 ----------
  async function measureView(parts) {
    const id = parts[1];
    const plan = await currentPlan();
    const [detail, units, actions, notifications] = await Promise.all([
      api(`/api/measures/${encodeURIComponent(id)}`), unitNames(plan.districtId),
      api(`/api/actions?source=${encodeURIComponent("escalation-measure-" + id)}`),
      api("/api/notifications").catch(() => ({ items: [] }))]);
    const m = detail.measure;
    const mine = (notifications.items || []).filter(n => (n.idempotencyKey || "").includes(`|measure|${id}|`));
    const changes = c => Object.entries(c || {}).map(([k, [a, b]]) => `${k}：${a ?? "—"} → ${b ?? "—"}`).join("；");
    const history = detail.history.map(e => h("tr", {},
      h("td", { class: "num" }, time(e.at)), h("td", {}, e.actor), h("td", {}, ACTION[e.action] || e.action),
      h("td", {}, e.fromStatus === e.toStatus ? STATUS[e.toStatus] || "" : `${STATUS[e.fromStatus] || e.fromStatus || ""} → ${STATUS[e.toStatus] || e.toStatus || ""}`),
      h("td", {}, e.reason || ""), h("td", {}, changes(e.changes))));
    const evidence = detail.evidence.map(e => h("li", {}, h("b", {}, `${e.effectiveDate}：`), e.text,
      (e.attachments || []).length ? h("span", { class: "muted" }, `（附件：${e.attachments.map(a => a.name).join("、")}）`) : null));
    return [
      h("p", {}, h("a", { href: "#/ledger" }, "← 返回台账")),
      h("h1", {}, `措施 ${m.id}`, " ", dot(m.colour), COLOUR[m.colour]),
      h("dl", { class: "facts" },
        h("dt", {}, "整改措施"), h("dd", { id: "measure-text" }, m.text),
        h("dt", {}, "类型"), h("dd", {}, KIND[m.kind] || m.kind),
        h("dt", {}, "牵头单位"), h("dd", {}, unitLinks(units, leadUnits(m))),
        h("dt", {}, "责任单位"), h("dd", {}, unitLinks(units, m.responsibleUnitIds)),
        h("dt", {}, "状态"), h("dd", {}, STATUS[m.status] || m.status),
        h("dt", {}, "进度"), h("dd", {}, progress(m.progress)),
        h("dt", {}, "整改时限"), h("dd", {}, m.dueDate, m.overdue ? h("span", { class: "error" }, `（已逾期 ${m.daysOverdue} 天）`) : ""),
        h("dt", {}, "最近活动"), h("dd", {}, time(m.lastActivityAt)),
        m.nextReview ? [h("dt", {}, "下次复核"), h("dd", {}, m.nextReview)] : null),
      h("h2", {}, "变更记录"),
      table(["时间", "操作人", "操作", "状态", "说明", "变更"], history.length ? history : [empty("暂无记录。", 6)], { id: "history" }),
      h("h2", {}, "整改成效"),
      evidence.length ? h("ul", { id: "evidence" }, evidence) : h("p", { class: "muted" }, "尚未报送。"),
      h("h2", {}, "督办升级"),
      table(["类型", "原因", "开启时间", "期限", "状态"], actions.items.length ? actions.items.map(a => h("tr", {},
        h("td", {}, a.kindName), h("td", {}, a.reason), h("td", {}, time(a.openedAt)), h("td", {}, a.dueDate), actionState(a)))
        : [empty("未触发督办升级。", 5)], { id: "escalations" }),
      h("h2", {}, "已发通知"),
      table(["时间", "收件人", "渠道", "类型", "主题", "状态"], mine.length ? mine.map(n => h("tr", {},
        h("td", { class: "num" }, time(n.createdAt)), h("td", {}, n.recipientName || n.recipientId), h("td", {}, n.channel),
        h("td", {}, NOTICE[n.kind] || n.kind), h("td", {}, n.subject), h("td", {}, DELIVERY[n.status] || n.status)))
        : [empty("暂无通知。", 6)], { id: "notifications" })];
  }

  // An action's state cell: open, or done with the day it was carried out and the unit's account as its tooltip.
  function actionState(a) {
    if (a.status === "open") return h("td", {}, "未办结");
    const c = a.completion;
    return c ? h("td", { title: c.note }, `已办结（${c.completedOn}）`) : h("td", {}, "已办结");
  }

  // ---------- 单位 ----------
  async function unitView(parts) {
    const id = parts[1];
    const plan = await currentPlan();
    const [units, measures, actions] = await Promise.all([unitNames(plan.districtId),
      api(`/api/measures?unitId=${encodeURIComponent(id)}&planId=${encodeURIComponent(plan.planId)}`),
      api(`/api/actions?unitId=${encodeURIComponent(id)}`)]);
    // Attendance breaches are the actions the monthly cycle opened for a cadre short of days on site (rule 7).
    const attendance = actions.items.filter(a => a.personId && /驻村\d+天/.test(a.reason));
    const other = actions.items.filter(a => !attendance.includes(a));
    const actionRows = list => list.map(a => h("tr", {}, h("td", {}, a.kindName), h("td", {}, a.personId || "—"), h("td", {}, a.reason),
      h("td", {}, a.source), h("td", { class: "num" }, a.dueDate), actionState(a)));
    return [
      h("p", {}, h("a", { href: "#/ledger" }, "← 返回台账")),
      h("h1", {}, units.name(id)),
      h("h2", {}, `承担的整改措施（${measures.count}）`),
      table(["三色", "编号", "整改措施", "状态", "进度", "整改时限", "逾期"], measures.items.length ? measures.items.map(m => h("tr", { "data-measure-id": m.id },
        colourCell(m.colour), h("td", {}, h("a", { href: `#/measure/${encodeURIComponent(m.id)}` }, m.id)),
        h("td", { class: "text" }, m.text.length > 60 ? m.text.slice(0, 60) + "…" : m.text), h("td", {}, STATUS[m.status] || m.status),
        h("td", {}, progress(m.progress)), h("td", { class: "num" }, m.dueDate), h("td", { class: "num" }, m.overdue ? `${m.daysOverdue} 天` : "—")))
        : [empty("无。", 7)], { id: "unit-measures" }),
      h("h2", {}, `问责处理（约谈、通报、记次等，${other.length}）`),
      table(["类型", "对象", "原因", "来源", "期限", "状态"], other.length ? actionRows(other) : [empty("无。", 6)], { id: "unit-actions" }),
      h("h2", {}, `驻村考勤不足（${attendance.length}）`),
      table(["处理", "干部", "原因", "来源", "期限", "状态"], attendance.length ? actionRows(attendance) : [empty("无。", 6)], { id: "unit-attendance" })];
  }

  // ---------- 督查周期 ----------
  function isoWeek(date) {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    const day = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - day);
    const year = d.getUTCFullYear();
    const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
    return `${year}-W${String(week).padStart(2, "0")}`;
  }
  function currentPeriods() {
    const [y, m, d] = todayCst().split("-").map(Number);
    const tenDay = d <= 10 ? 1 : d <= 20 ? 2 : 3;
    return { monthly: `${y}-${String(m).padStart(2, "0")}`, weekly: isoWeek(new Date(Date.UTC(y, m - 1, d))),
      quarterly: `${y}-Q${Math.ceil(m / 3)}`, "ten-day": `${y}-${String(m).padStart(2, "0")}-${tenDay}` };
  }
  const KINDS = { monthly: "月度督查（一督查、一通报、一处理）", weekly: "每周调度", quarterly: "季度评价", "ten-day": "旬报" };

  async function cyclesView(_, query) {
    const periods = currentPeriods();
    const panels = await Promise.all(Object.entries(KINDS).map(async ([kind, title]) => {
      const period = query.get(kind) || periods[kind];
      const status = await apiOrNull(`/api/cycles/${kind}/${encodeURIComponent(period)}`);
      const input = h("input", { value: period, size: 10, name: kind });
      const form = h("form", { class: "inline", onsubmit: e => { e.preventDefault(); const q = new URLSearchParams(query); q.set(kind, input.value.trim()); location.hash = `#/cycles?${q}`; } },
        "周期 ", input, h("button", { type: "submit", class: "secondary" }, "查看"));
      const facts = status ? h("dl", { class: "facts" },
        h("dt", {}, "运行状态"), h("dd", { "data-runtime": status.runtimeStatus }, RUNTIME[status.runtimeStatus] || status.runtimeStatus),
        h("dt", {}, "当前阶段"), h("dd", {}, PHASE[status.phase] || status.phase || "—"),
        status.teams ? [h("dt", {}, "督查组报送"), h("dd", {}, `${status.teamsReported ?? 0}/${status.teams}`)] : null,
        h("dt", {}, "发现问题"), h("dd", {}, status.findings ?? "—"),
        h("dt", {}, "开启问责"), h("dd", {}, status.actionsOpened ?? "—"),
        h("dt", {}, "写入通知"), h("dd", {}, status.messagesWritten ?? "—"),
        status.windowClosesAt ? [h("dt", {}, "收集截止"), h("dd", {}, time(status.windowClosesAt))] : null,
        h("dt", {}, "开始 / 更新"), h("dd", {}, `${time(status.createdAt)} / ${time(status.lastUpdatedAt)}`),
        status.failure ? [h("dt", {}, "错误"), h("dd", { class: "error" }, status.failure)] : null,
        status.runtimeStatus === "Completed" ? [h("dt", {}, "报告"), h("dd", {}, reportButton(kind, period))] : null)
        : h("p", { class: "muted" }, "该周期尚未启动。");
      return h("div", { class: "panel", "data-kind": kind }, h("h2", {}, `${title} · ${period}`), form, facts);
    }));
    return [h("h1", {}, "督查周期"), h("div", { class: "grid2" }, panels)];
  }

  /** Reports need the key, so they are fetched and opened as a blob rather than linked. */
  function reportButton(kind, period, format) {
    return h("button", { type: "button", class: "secondary", onclick: async () => {
      const response = await api(`/api/reports/${kind}/${encodeURIComponent(period)}${format ? "?format=" + format : ""}`, { raw: true });
      const url = URL.createObjectURL(await response.blob());
      if (format) { const a = h("a", { href: url, download: `${kind}-${period}.${format}` }); document.body.append(a); a.click(); a.remove(); }
      else window.open(url, "_blank", "noopener");
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } }, format ? `下载 ${format.toUpperCase()}` : "打开报告（可打印）");
  }

  // ---------- 排名 ----------
  function previousPeriods(kind, period, count) {
    const out = [period];
    for (let i = 1; i < count; i++) {
      const last = out[0];
      if (kind === "weekly") {
        const [y, w] = last.split("-W").map(Number);
        const jan4 = new Date(Date.UTC(y, 0, 4));
        const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86400000 + (w - 1) * 7 * 86400000);
        out.unshift(isoWeek(new Date(monday.getTime() - 7 * 86400000)));
      } else {
        const [y, q] = last.split("-Q").map(Number);
        out.unshift(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`);
      }
    }
    return out;
  }

  async function rankingPanel(kind, period, title) {
    const periods = previousPeriods(kind, period, kind === "weekly" ? 6 : 4);
    const reports = await Promise.all(periods.map(p => apiOrNull(`/api/reports/${kind}/${encodeURIComponent(p)}?format=json`)));
    const report = reports[reports.length - 1];
    const panel = h("div", { class: "panel chart", "data-kind": kind }, h("h2", {}, `${title} · ${period}`));
    if (!report || !report.charts?.length) {
      panel.append(h("p", { class: "muted" }, "该周期暂无报告。"));
      return panel;
    }
    const chart = report.charts[0];
    const bottom = chart.bars.filter(b => b.highlight).map(b => b.label);
    panel.append(h("p", {}, chart.title, " ", h("span", { class: "tag bottom" }, `后三名：${bottom.join("、") || "无"}`)),
      Charts.bars(chart), h("p", {}, reportButton(kind, period), " ", reportButton(kind, period, "xlsx")));
    // Trend: the bottom three of this period and the district mean, over the periods that have a report.
    const value = (r, label) => { const bar = r?.charts?.[0]?.bars.find(b => b.label === label); return bar ? Number(bar.value) : null; };
    const mean = r => r?.charts?.[0]?.bars.length ? r.charts[0].bars.reduce((s, b) => s + Number(b.value), 0) / r.charts[0].bars.length : null;
    const series = [{ name: "全区平均", values: reports.map(mean) }, ...bottom.map(label => ({ name: label, values: reports.map(r => value(r, label)) }))];
    panel.append(h("h2", {}, "走势"), Charts.lines({ title: `${title}走势`, periods, series }));
    return panel;
  }

  async function rankingsView(_, query) {
    const periods = currentPeriods();
    const weekly = query.get("weekly") || periods.weekly, quarterly = query.get("quarterly") || periods.quarterly;
    const form = h("form", { class: "inline filters", onsubmit: e => {
      e.preventDefault();
      location.hash = `#/rankings?weekly=${encodeURIComponent(e.target.weekly.value.trim())}&quarterly=${encodeURIComponent(e.target.quarterly.value.trim())}`;
    } }, "周 ", h("input", { name: "weekly", value: weekly, size: 9 }), "季度 ", h("input", { name: "quarterly", value: quarterly, size: 8 }),
      h("button", { type: "submit", class: "secondary" }, "查看"));
    const panels = await Promise.all([rankingPanel("weekly", weekly, "每周乡镇项目推进排名"), rankingPanel("quarterly", quarterly, "季度乡镇评价得分")]);
    return [h("h1", {}, "乡镇排名"), form, h("div", { class: "grid2" }, panels)];
  }

  route();
})();
