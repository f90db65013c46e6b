#!/usr/bin/env python3
"""Writes seeds/ganxian-2017.projects.json: the Ganxian report's project figures as project rows.

The report quotes aggregates only (674 projects, 60.08% -> 90.9% completion, ...). This script builds the smallest
plausible set of projects, deterministically, that reproduces EVERY quoted figure exactly as printed when rates are
truncated (not rounded) to the printed number of decimals: 405/674 = 60.089...% is printed 60.08%, so the report
truncates. Every row is marked "reconstructed"; nothing here is reported data except the aggregates.
Run from the repository root: python3 seeds/tools/reconstruct-ganxian-projects.py
"""
import json
import random

BEFORE, AFTER = "2016-09-30", "2017-03-31"
plan = json.load(open("seeds/ganxian-2017.plan.json", encoding="utf-8"))
townships = [u for u in plan["units"] if u["kind"] == "township"]
villages = {t["id"]: [u for u in plan["units"] if u.get("parentId") == t["id"] and u["kind"] == "village"] for t in townships}
rng = random.Random(20170331)
# Townships progress at different paces, so the rankings have something to rank (the report names no township's rate).
pace = {t["id"]: 0.55 + 0.45 * rng.random() for t in townships}
projects = []
counter = {}


def township_for(i):
    return townships[i % len(townships)]


def pick_township(i, lagging):
    # Lagging projects go preferably to slow townships, so township rates spread.
    ordered = sorted(townships, key=lambda t: pace[t["id"]], reverse=not lagging)
    return ordered[(i * 7) % len(ordered)] if rng.random() < 0.6 else township_for(i)


def day(start, end):
    import datetime
    a = datetime.date.fromisoformat(start)
    b = datetime.date.fromisoformat(end)
    return (a + datetime.timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


def add(category, year, funding, allocated, before, after, name, village=None, township=None, lagging=False, fixed_id=None):
    """before/after: (status, percent, disbursed)."""
    i = len(projects)
    tw = township or pick_township(i, lagging)
    if village is None and villages[tw["id"]] and category in ("村庄整治", "电网", "产业"):
        village = villages[tw["id"]][i % len(villages[tw["id"]])]
    key = (year, category)
    counter[key] = counter.get(key, 0) + 1
    pid = fixed_id or f"gx-{year}-{ {'交通': 'road', '水利': 'water', '产业': 'industry', '易地搬迁': 'relocation', '村庄整治': 'village', '电网': 'grid'}[category]}-{counter[key]:03d}"
    started = None
    completed = None
    if before[0] != "notStarted":
        started = day(f"{year}-03-01", BEFORE) if year < 2016 else day("2016-04-01", BEFORE)
    elif after[0] != "notStarted":
        started = day("2016-10-01", "2017-02-28")
    if before[0] == "completed":
        completed = day(max(started, f"{year}-06-01"), BEFORE)
    elif after[0] == "completed":
        completed = day(max(started, "2016-10-01"), AFTER)
    row = {
        "id": pid,
        "name": name or f"{(village or tw)['name']}{year}年{category}项目{counter[key]}号",
        "townshipId": tw["id"],
    }
    if village:
        row["villageId"] = village["id"]
    row.update({
        "category": category, "year": year, "fundingLevel": funding, "allocated": allocated,
        "disbursed": after[2], "status": after[0], "percent": after[1],
    })
    if started:
        row["startedOn"] = started
    if completed:
        row["completedOn"] = completed
    row["provenance"] = "reconstructed"
    row["history"] = [{"asOf": BEFORE, "status": before[0], "percent": before[1], "disbursed": before[2]}]
    projects.append(row)


def uc(lo, hi):
    return rng.randrange(lo, hi)


# --- The 674 central and provincial projects of 2014-2016 (report, problem 5). ---------------------------------
# 2014-2015: 527 projects. Before: 366 completed, 138 under construction, 23 not started. After: 520 completed,
# 7 under construction, none not started.
old = [(y, n) for y, c in ((2014, 250), (2015, 277)) for n in range(c)]
for k, (year, n) in enumerate(old):
    allocated = 400_000 + 50_000 * (n % 9)
    if k < 366:
        before, after = ("completed", 100, allocated), ("completed", 100, allocated)
    elif k < 366 + 138:
        p = uc(20, 95)
        before = ("underConstruction", p, allocated * p // 200)
        after = ("completed", 100, allocated) if k < 366 + 138 - 7 else ("underConstruction", uc(70, 99), allocated * 8 // 10)
    else:
        before = ("notStarted", 0, 0)
        after = ("completed", 100, allocated)
    add("交通" if n % 2 else "水利", year, "central" if n % 3 else "provincial", allocated, before, after, None, lagging=k >= 366)

# 2016: 147 projects. Before: 39 completed, 108 under construction or not started. After: all started, 93 completed.
# 14 relocation sites (易地扶贫搬迁集中安置点): before overall progress 49% (7 at 60%, 7 at 38%), after 12 completed.
for n in range(14):
    allocated = 3_000_000
    before = ("underConstruction", 60 if n < 7 else 38, allocated * (60 if n < 7 else 38) // 100)
    after = ("completed", 100, allocated) if n < 12 else ("underConstruction", 90, allocated * 9 // 10)
    add("易地搬迁", 2016, "central", allocated, before, after, None, lagging=n >= 12)
    projects[-1]["name"] = f"{next(t['name'] for t in townships if t['id'] == projects[-1]['townshipId'])}易地扶贫搬迁集中安置点{n + 1}号"
# Industry (产业扶贫工程) 2016: 24 projects, allocated 19,999,000 in all; disbursed 4,776,000 before (23.88%),
# 19,523,500 after (97.62%, the report's 1952.35万元). Before: 5 completed, 13 under construction, 6 not started.
# After: 20 completed, 4 under construction.
for n in range(24):
    allocated = 840_000 if n == 23 else 833_000
    if n < 5:
        before = ("completed", 100, allocated)
    elif n < 18:
        before = ("underConstruction", uc(10, 60), 47_000)
    else:
        before = ("notStarted", 0, 0)
    after = ("completed", 100, allocated) if n < 19 or n == 23 else ("underConstruction", uc(60, 95), 714_125)
    add("产业", 2016, "provincial" if n % 2 else "central", allocated, before, after, None, lagging=n >= 18)
# Roads and water 2016: 109 projects. Before: 34 completed, 41 under construction, 34 not started. After: 61 completed,
# 48 under construction.
for n in range(109):
    allocated = 500_000 + 100_000 * (n % 6)
    if n < 34:
        before = ("completed", 100, allocated)
    elif n < 75:
        p = uc(10, 80)
        before = ("underConstruction", p, allocated * p // 100)
    else:
        before = ("notStarted", 0, 0)
    after = ("completed", 100, allocated) if n < 61 else ("underConstruction", uc(30, 95), allocated * 6 // 10)
    add("交通" if n % 2 else "水利", 2016, "provincial" if n % 2 else "central", allocated, before, after, None, lagging=n >= 61)

# --- Outside the 674: poor-village renovation and the rural grid upgrade of 2016. ---------------------------------
# 26.35% and 39.81% completion need at least 129 and 108 projects (34/129, 43/108), which together cannot fit in the
# 147 central/provincial projects of 2016: these works are kept outside them (funding level "other", not stated).
# Village renovation: 129 projects, 34 completed before (26.35%), 123 after (95.34%, printed 95%).
for n in range(129):
    allocated = 300_000
    before = ("completed", 100, allocated) if n < 34 else ("underConstruction", uc(10, 90), allocated // 3)
    after = ("completed", 100, allocated) if n < 123 else ("underConstruction", uc(60, 95), allocated * 8 // 10)
    add("村庄整治", 2016, "other", allocated, before, after, None, lagging=n >= 123)
# Rural grid: 108 projects, 43 completed before (39.81%), all after (100%). The district's own 700,000 yuan for
# 沙洲村 (completed and energised 2017-01-23) is one of them; the power company's 46,330,000 yuan the other 107.
shiyuan = next(t for t in townships if t["id"] == "tw-shiyuan")
shazhou = next(v for v in villages["tw-shiyuan"] if v["id"] == "vil-shazhou")
grid_amounts = [433_000] * 106 + [46_330_000 - 433_000 * 106]
for n in range(108):
    if n == 107:
        add("电网", 2016, "county", 700_000, ("underConstruction", 30, 200_000), ("completed", 100, 700_000),
            "石芫乡沙洲村低压电网改造升级", village=shazhou, township=shiyuan, fixed_id="gx-2016-grid-shazhou")
        projects[-1]["completedOn"] = "2017-01-23"
        continue
    allocated = grid_amounts[n]
    before = ("completed", 100, allocated) if n < 43 else ("underConstruction", uc(10, 90), allocated // 2)
    add("电网", 2016, "other", allocated, before, ("completed", 100, allocated), None)

document = {
    "formatVersion": 1,
    "officeId": plan["districtId"],
    "provenance": "reconstructed",
    "snapshots": [BEFORE, AFTER],
    "notes": [
        "RECONSTRUCTED, not reported data. The report (seeds/README.md, source section 二 problem 5) quotes aggregates only; these rows are the smallest deterministic set consistent with every quoted figure, for tests and demonstrations. Township, village, name, amount and date of each row are made up.",
        "Each project carries its state as of 2017-03-31 (the report's date, the ledger's current state) and, in history, as of 2016-09-30 (assumed date of the inspection's figures: problem 4 quotes figures to the end of September 2016).",
        "Rates are truncated to the printed number of decimals: 405/674 = 60.089...% is printed 60.08%, which no rounding to nearest produces.",
        "The 674 central and provincial projects of 2014-2016: 527 of 2014-2015 and 147 of 2016 (14 relocation sites, 24 industry projects, 109 roads and water works).",
        "The 2016 industry projects' allocation is 19,999,000 yuan: with truncation, 19,523,500 / 20,000,000 would print 97.61%, and the report prints 97.62%.",
        "Poor-village renovation (129) and rural grid (108) projects are kept outside the 674 because the smallest counts giving 26.35% and 39.81% do not fit in the 147 projects of 2016; their funding level is not stated (other), except the district's 700,000 yuan for 沙洲村 (county).",
    ],
    "projects": projects,
}
# One project per line: the file stays diffable.
rows = document.pop("projects")
head = json.dumps(document, ensure_ascii=False, indent=2)
body = ",\n".join("    " + json.dumps(x, ensure_ascii=False, separators=(", ", ": ")) for x in rows)
with open("seeds/ganxian-2017.projects.json", "w", encoding="utf-8") as f:
    f.write(head[:-2] + ',\n  "projects": [\n' + body + "\n  ]\n}\n")
print(len(projects), "projects")
