"""Compares builds of Coopol in the browser: /fil, an action and a section of the S demo network,
as the demo secretary, on SQLite; for each page the median of 3 Lighthouse runs (score, LCP, TBT,
boot-up time) and the JavaScript and WebAssembly it transferred. Used for issue 15's islands
versus lazy route splitting (ARCHITECTURE.md). Needs `scripts/setup.sh bench`. Usage:
  python3 scripts/compare_builds.py NAME BINARY SITE_ROOT
writes target/compare/NAME.json (and NAME.db, seeded on first use, kept for the next run)."""
import json
import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

name, binary, site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
bench.BIN, bench.SITE = binary, site
OUT = bench.ROOT / "target" / "compare"
bench.OUT = OUT / name
bench.OUT.mkdir(parents=True, exist_ok=True)
db = OUT / f"{name}.db"
url = f"sqlite://{db}"
if not db.exists():
    print("seeding", bench.seed(url), "s", file=sys.stderr)
static = bench.OUT / "static.html"
static.write_bytes(b"x")
server = bench.Server(url, static)
try:
    cookie = bench.sign_in()
    _, _, actions = bench.http("/actions", cookie)
    action = re.search(rb'href="(/actions/\d+)"', actions).group(1).decode()
    result = {}
    for label, path in [("feed", "/fil"), ("action", action), ("section", "/sections/lille")]:
        runs = []
        for i in range(3):
            lh = bench.lighthouse(path, cookie, f"{label}-{i}")
            report = json.loads((bench.OUT / f"lighthouse-{label}-{i}.json").read_text())
            items = report["audits"]["network-requests"]["details"]["items"]
            code = [it for it in items if it["url"].endswith((".wasm", ".js"))]
            lh["code_bytes"] = sum(it.get("transferSize", 0) for it in code)
            lh["wasm_bytes"] = sum(it.get("transferSize", 0) for it in code if it["url"].endswith(".wasm"))
            lh["files"] = sorted((it["url"].rsplit("/", 1)[-1], it.get("transferSize", 0)) for it in code)
            boot = report["audits"]["bootup-time"]["numericValue"]
            lh["bootup_ms"] = round(boot)
            runs.append(lh)
        runs.sort(key=lambda r: r["performance"])
        result[label] = runs[1]  # the median run by score
        result[label]["scores"] = [r["performance"] for r in runs]
        result[label]["tbts"] = [r["tbt_ms"] for r in runs]
    print(json.dumps(result, indent=1))
    (OUT / f"{name}.json").write_text(json.dumps(result, indent=1))
finally:
    server.stop()
