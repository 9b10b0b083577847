#!/usr/bin/env python3
"""`make bench`: Coopol measured on the S demo network, SQLite and PostgreSQL side by side.

The server (and PostgreSQL) run pinned to CPU 0, the load generator (wrk) and Lighthouse's
Chromium to CPU 1. Every throughput or latency figure is the median of ROUNDS rounds. Writes
target/bench/report.json and target/bench/report.md, and prints the table.

Expects the release build with the `bench` feature (`cargo leptos build --release
--bin-features bench`), wrk and brotli (Debian), and bench/node_modules (Lighthouse 12.8.2).
Stdlib only. Environment: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_BACKENDS (sqlite,postgres),
BENCH_SCALE (S), BENCH_POSTGRES_ADMIN_URL.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
BIN = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "release" / "coopol"
SITE = ROOT / "target" / "site"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
PORT = 3200
BASE = f"http://127.0.0.1:{PORT}"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PAGE_SECONDS = 3  # each main page's latency, on one connection
SCALE = os.environ.get("BENCH_SCALE", "S")
BACKENDS = os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",")
PG_ADMIN = os.environ.get("BENCH_POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
ACCOUNT = ("secretaire@demo.coopol.fr", "coopol-demo")
SERVER_CPU, LOAD_CPU = "0", "1"

# The goals of issue 6.
GOALS = {
    "feed_vs_static": 0.5,
    "feed_vs_floor": 0.7,  # the home feed ÷ its own SQL without rendering (issue 15)
    "postgres_vs_sqlite_p50": 1.5,  # every main page's p50 (issue 15)
    "p99_half_load_ms": 5.0,
    "page500_vs_page1": 1.5,
    "statements_per_page": 3,
    "rss_peak_mib": 128,
    "wasm_brotli_kib": 100,  # on a page with islands; pages without islands load none (issue 15)
    "feed_html_brotli_kib": 14,
    "lighthouse_performance": 100,
}


def log(message):
    print(f"[bench] {message}", flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


# ---------------------------------------------------------------- HTTP

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def http(path, cookie=None, data=None, headers=None):
    """(status, headers, body bytes) of one request, redirects not followed."""
    request = urllib.request.Request(BASE + path, data=data, headers=dict(headers or {}))
    request.add_header("Accept-Language", "fr-FR,fr;q=0.9")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def sign_in():
    form = urllib.parse.urlencode({"email": ACCOUNT[0], "password": ACCOUNT[1]}).encode()
    status, headers, body = http("/connexion", data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Origin": BASE})
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith("coopol_session=") and not value.startswith("coopol_session=;"):
            return value.split(";")[0]
    raise SystemExit(f"sign-in as {ACCOUNT[0]} failed ({status}): {body[:300]!r}")


# ---------------------------------------------------------------- wrk

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(path, cookie, connections, seconds, script=None):
    cmd = ["taskset", "-c", LOAD_CPU, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Cookie: {cookie}"]
    if script:
        cmd += ["-s", str(script)]
    out = run(cmd + [BASE + path])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"wrk on {path}: {errors.group(1)} error responses\n{out}")
    return {"rps": rps, "p50_ms": to_ms(latency["50"]), "p99_ms": to_ms(latency["99"])}


def median_of_rounds(path, cookie, connections, script=None):
    rounds = [wrk(path, cookie, connections, SECONDS, script) for _ in range(ROUNDS)]
    return {key: statistics.median(r[key] for r in rounds) for key in rounds[0]} | {"rounds": rounds}


def at_rate(path, cookie, rate, service_ms):
    """Latency at about `rate` requests/s: each connection waits between its requests, so that
    its cycle (one request's service time, then the wait) gives its share of the rate."""
    connections = max(4, round(rate * 0.02))  # about a 20 ms cycle per connection
    delay = max(1, round(connections * 1000 / rate - service_ms))
    script = OUT / "delay.lua"
    script.write_text(f"function delay()\n  return {delay}\nend\n")
    return median_of_rounds(path, cookie, connections, script) | {"target_rps": rate, "connections": connections}


# ---------------------------------------------------------------- the server

def rss_kib(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def postmaster_pid():
    try:
        data_dir = run(["psql", PG_ADMIN, "-Atc", "SHOW data_directory"]).strip()
        return int(Path(data_dir, "postmaster.pid").read_text().split()[0])
    except (subprocess.CalledProcessError, OSError, ValueError):
        return None


def pin_postgres(cpus):
    pid = postmaster_pid()
    if pid:
        # Backends are forked from the postmaster and inherit its CPUs; pin the existing ones too.
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        for child in [pid] + [int(p) for p in children]:
            subprocess.run(["taskset", "-a", "-p", "-c", cpus, str(child)], capture_output=True)


def database_url(backend):
    if backend == "sqlite":
        path = OUT / f"demo-{SCALE}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite://{path}"
    name = f"coopol_bench_{SCALE.lower()}"
    run(["psql", PG_ADMIN, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", "-c", f"CREATE DATABASE {name}"])
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def seed(url):
    started = time.monotonic()
    out = run([str(BIN), "--log", "warn", "--database-url", url, "seed-demo", "--scale", SCALE])
    seconds = time.monotonic() - started
    log(next(line for line in out.splitlines() if line.startswith("Chargé")))
    return round(seconds, 1)


class Server:
    def __init__(self, url, static_file):
        env = os.environ | {"COOPOL_BENCH_STATIC_FILE": str(static_file), "COOPOL_MAP_TILES": "off"}
        started = time.monotonic()
        self.process = subprocess.Popen(
            ["taskset", "-c", SERVER_CPU, str(BIN), "--log", "warn", "--database-url", url, "serve",
             "--addr", f"127.0.0.1:{PORT}", "--site-root", str(SITE)],
            env=env, stdout=subprocess.DEVNULL, stderr=open(OUT / "server.log", "a"))
        while True:
            try:
                if http("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() - started > 60:
                raise SystemExit(f"the server did not start (see {OUT / 'server.log'})")
            time.sleep(0.005)
        self.start_ms = round((time.monotonic() - started) * 1000, 1)

    def rss(self, field):
        return rss_kib(self.process.pid, field)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


# ---------------------------------------------------------------- measurements

def brotli_size(data):
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)


def older_link(html):
    found = re.search(rb'<p class="older"><a [^>]*href="([^"]+)"', html)
    return found.group(1).decode().replace("&amp;", "&") if found else None


def deep_page(cookie, wanted=500):
    """The URL of page `wanted` of the home feed (or of its last page, if it has fewer), and
    its number, following the "publications plus anciennes" links as a reader would."""
    path, page = "/fil", 1
    while page < wanted:
        status, _, body = http(path, cookie)
        assert status == 200, f"{path} answered {status}"
        older = older_link(body)
        if not older:
            break
        path, page = older, page + 1
    return path, page


def statements(path, cookie):
    """SQL statements one request of `path` runs (counted by the bench build, warm), and the
    page's own latency (one connection, PAGE_SECONDS: no queueing)."""
    http(path, cookie)
    before = int(http("/__bench/requetes-sql")[2])
    status, _, _ = http(path, cookie)
    after = int(http("/__bench/requetes-sql")[2])
    latency = wrk(path, cookie, 1, PAGE_SECONDS)
    return {"path": path, "status": status, "statements": after - before, "p50_ms": latency["p50_ms"], "p99_ms": latency["p99_ms"]}


def main_pages(cookie, deep_feed):
    """The pages whose cost is counted: first links found on the demo's own pages."""
    _, _, actions = http("/actions", cookie)
    action = re.search(rb'href="(/actions/\d+)"', actions).group(1).decode()
    _, _, groups = http("/groupes", cookie)
    group = re.search(rb'href="(/groupes/(?!nouveau")[a-z0-9-]+)"', groups)
    _, _, feed = http("/fil", cookie)
    post = re.search(rb'href="(/publications/\d+)"', feed)
    pages = ["/healthz", "/fil", deep_feed, "/sections/lille/fil", "/tags/logement", "/actions", action,
             "/sections/lille", "/sections/lille/statistiques", "/notifications", "/coopains"]
    pages += [m.group(1).decode() for m in (group, post) if m]
    # Moderation: the secretary's queue (the demo seeds reports, half decided), a case, the journal.
    _, _, queue = http("/moderation/section-lille", cookie)
    case = re.search(rb'href="(/moderation/dossiers/\d+)"', queue)
    pages += ["/moderation/section-lille", "/journal-de-moderation/section-lille"] + ([case.group(1).decode()] if case else [])
    return pages


def lighthouse(path, cookie, name):
    report = OUT / f"lighthouse-{name}.json"
    headers = OUT / "lighthouse-headers.json"
    headers.write_text(json.dumps({"Cookie": cookie}))
    subprocess.run(
        ["taskset", "-c", LOAD_CPU, str(LIGHTHOUSE), BASE + path, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=performance", f"--extra-headers={headers}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        check=True, env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"}, capture_output=True)
    data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        "path": path,
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }


def bench_backend(backend):
    log(f"{backend}: seeding the {SCALE} demo network")
    url = database_url(backend)
    result = {"seed_seconds": seed(url)}
    if backend == "postgres":
        pin_postgres(SERVER_CPU)
    static_file = OUT / f"feed-{backend}.html"
    static_file.write_bytes(b"")
    server = Server(url, static_file)
    try:
        result["start_to_healthz_ms"] = server.start_ms
        time.sleep(1)
        result["rss_idle_mib"] = round(server.rss("VmRSS") / 1024, 1)
        cookie = sign_in()
        status, _, feed = http("/fil", cookie)
        assert status == 200, f"/fil answered {status}"
        static_file.write_bytes(feed)
        _, wire_headers, wire = http("/fil", cookie, headers={"Accept-Encoding": "br"})
        result["feed_html_bytes"] = len(feed)
        result["feed_html_brotli_bytes"] = len(wire) if wire_headers.get("Content-Encoding") == "br" else brotli_size(feed)
        assert http("/__bench/octets", cookie)[2] == feed, "the static route sends the feed's bytes"

        log(f"{backend}: warming up, then the home feed at 64 connections")
        wrk("/fil", cookie, 64, 3)
        result["feed_64"] = median_of_rounds("/fil", cookie, 64)
        result["static_64"] = median_of_rounds("/__bench/octets", cookie, 64)
        result["feed_vs_static"] = round(result["feed_64"]["rps"] / result["static_64"]["rps"], 3)
        assert http("/__bench/plancher-sql", cookie)[2] == feed, "the SQL floor sends the feed's bytes"
        result["floor_64"] = median_of_rounds("/__bench/plancher-sql", cookie, 64)
        result["feed_vs_floor"] = round(result["feed_64"]["rps"] / result["floor_64"]["rps"], 3)
        log(f"{backend}: at half the maximum rate")
        # One CPU serves the page: its service time is the inverse of the maximum rate.
        max_rps = result["feed_64"]["rps"]
        result["feed_half_load"] = at_rate("/fil", cookie, max_rps / 2, 1000 / max_rps)

        log(f"{backend}: page 1 and page 500 of the home feed")
        deep, result["deep_page_number"] = deep_page(cookie)
        # One connection: the page's own latency, without queueing behind others.
        result["page1"] = median_of_rounds("/fil", cookie, 1)
        result["page500"] = median_of_rounds(deep, cookie, 1)
        result["page500_vs_page1"] = round(result["page500"]["p50_ms"] / result["page1"]["p50_ms"], 2)

        log(f"{backend}: SQL statements per page")
        result["statements"] = [statements(p, cookie) for p in main_pages(cookie, deep)]
        result["rss_peak_mib"] = round(server.rss("VmHWM") / 1024, 1)

        if LIGHTHOUSE.exists():
            log(f"{backend}: Lighthouse (mobile)")
            _, _, actions = http("/actions", cookie)
            action = re.search(rb'href="(/actions/\d+)"', actions).group(1).decode()
            result["lighthouse"] = [lighthouse(p, cookie, f"{backend}-{i}") for i, p in enumerate(["/fil", action, "/sections/lille"])]
    finally:
        server.stop()
        if backend == "postgres":
            pin_postgres(f"0-{os.cpu_count() - 1}")
    return result


def fan_out():
    """The live stream's publish → receive latency with 1,000 subscribers (`make bench-feed`'s
    measurement, which runs its own data set)."""
    out = run(["cargo", "bench", "-p", "server", "--bench", "feed"], cwd=ROOT)
    rows = {}
    for backend, p50, p99 in re.findall(r"\| publish → receive, \d+ subscribers \((\w+)\)\s*\|\s*([\d.]+) ms \|\s*([\d.]+) ms", out):
        rows[backend] = {"p50_ms": float(p50), "p99_ms": float(p99)}
    return rows


def conversations():
    """Conversations (`cargo bench --bench messages`): a message to a 30-person group across two
    PostgreSQL instances, publish → receive; a thread's pages at 10 and 100,000 messages; an annonce
    to a section of 5,000 people, counted then sent (mails included)."""
    out = run(["cargo", "bench", "-p", "server", "--bench", "messages"], cwd=ROOT)
    return [{"what": what.strip(), "p50_ms": float(p50), "p99_ms": float(p99)}
            for what, p50, p99 in re.findall(r"\| ((?:message|thread|annonce)[^|]*?)\s*\|\s*([\d.]+) ms \|\s*([\d.]+) ms", out)]


def voting():
    """Votes (`cargo bench --bench votes`): a ballot while 64 electors vote at once (each twice),
    none lost or duplicated; counting 10,000 ballots of a jugement majoritaire over 8 options."""
    out = run(["cargo", "bench", "-p", "server", "--bench", "votes"], cwd=ROOT)
    return [{"what": what.strip(), "p50_ms": float(p50), "p99_ms": float(p99)}
            for what, p50, p99 in re.findall(r"\| ((?:ballot|tally|closing)[^|]*?)\s*\|\s*([\d.]+) ms \|\s*([\d.]+) ms", out)]


def durability():
    """What SQLite's FULL synchronous (the default) costs on writes, against NORMAL: publications
    per second through the real service, one writer and eight (`cargo bench --bench sqlite_durability`)."""
    out = run(["cargo", "bench", "-p", "server", "--bench", "sqlite_durability"], cwd=ROOT)
    rows = []
    for label, writers, rate, ms in re.findall(r"\| (FULL \(default\)|NORMAL) \| (\d+) \| (\d+) \| ([\d.]+) \|", out):
        rows.append({"synchronous": label.split()[0].lower(), "writers": int(writers), "publications_per_s": int(rate), "ms_per_commit": float(ms)})
    return rows


def wasm_sizes():
    # Hashed file names: earlier builds (debug ones too) leave their bundles beside the one just
    # built, so take the newest, which is the release build `make bench` made first.
    wasm = max((SITE / "pkg").glob("*.wasm"), key=lambda f: f.stat().st_mtime)
    data = wasm.read_bytes()
    return {"file": wasm.name, "raw_bytes": len(data), "brotli_bytes": brotli_size(data)}


# ---------------------------------------------------------------- the report

def verdict(ok):
    return "✅" if ok else "❌"


def table(report):
    b = report["backends"]
    names = [n for n in BACKENDS if n in b]
    lines = ["| measure | " + " | ".join(names) + " | goal |", "|---|" + "---|" * len(names) + "---|"]

    def row(label, fn, goal=""):
        lines.append(f"| {label} | " + " | ".join(fn(b[n]) for n in names) + f" | {goal} |")

    row("seed-demo S (s)", lambda r: f"{r['seed_seconds']}")
    row("home feed req/s (64 conn.)", lambda r: f"{r['feed_64']['rps']:.0f}")
    row("static bytes req/s (64 conn.)", lambda r: f"{r['static_64']['rps']:.0f}")
    row("feed ÷ static", lambda r: f"{r['feed_vs_static']:.2f} {verdict(r['feed_vs_static'] >= GOALS['feed_vs_static'])}", "≥ 0.5")
    row("SQL floor req/s (64 conn.)", lambda r: f"{r['floor_64']['rps']:.0f}")
    row("feed ÷ SQL floor", lambda r: f"{r['feed_vs_floor']:.2f} {verdict(r['feed_vs_floor'] >= GOALS['feed_vs_floor'])}", "≥ 0.7")
    row("p50 / p99 at 64 conn. (ms)", lambda r: f"{r['feed_64']['p50_ms']:.2f} / {r['feed_64']['p99_ms']:.2f}")
    row("p50 / p99 at half rate (ms)", lambda r: f"{r['feed_half_load']['p50_ms']:.2f} / {r['feed_half_load']['p99_ms']:.2f} "
        f"{verdict(r['feed_half_load']['p99_ms'] <= GOALS['p99_half_load_ms'])} ({r['feed_half_load']['rps']:.0f} req/s)", "p99 ≤ 5")
    row("deepest home-feed page measured (≤ 500)", lambda r: f"{r['deep_page_number']}")
    row("page 500 ÷ page 1 (p50)", lambda r: f"{r['page500_vs_page1']:.2f} {verdict(r['page500_vs_page1'] <= GOALS['page500_vs_page1'])}", "≤ 1.5")
    row("SQL statements per page (max)", lambda r: (lambda m: f"{m} {verdict(m <= GOALS['statements_per_page'])}")(
        max(s["statements"] for s in r["statements"] if s["path"] != "/healthz")), "≤ 3")
    row("RSS idle / peak (MiB)", lambda r: f"{r['rss_idle_mib']} / {r['rss_peak_mib']} {verdict(r['rss_peak_mib'] <= GOALS['rss_peak_mib'])}", "peak ≤ 128")
    row("exec → /healthz 200 (ms)", lambda r: f"{r['start_to_healthz_ms']}")
    row("first feed HTML, brotli (KiB)", lambda r: f"{r['feed_html_brotli_bytes'] / 1024:.1f} "
        f"{verdict(r['feed_html_brotli_bytes'] / 1024 <= GOALS['feed_html_brotli_kib'])}", "≤ 14")
    if all("lighthouse" in b[n] for n in names):
        for i, page in enumerate(("feed", "action", "section")):
            row(f"Lighthouse {page}: perf · LCP · TBT · CLS", lambda r, i=i: (lambda l: f"{l['performance']} · {l['lcp_ms']} ms · "
                f"{l['tbt_ms']} ms · {l['cls']} {verdict(l['performance'] >= GOALS['lighthouse_performance'])}")(r["lighthouse"][i]), "100")
    if report.get("fan_out"):
        fan = report["fan_out"]
        lines.append("| SSE publish → receive, 1,000 subscribers p50 / p99 (ms) | " + " | ".join(
            f"{fan[n]['p50_ms']:.1f} / {fan[n]['p99_ms']:.1f}" if n in fan else "–" for n in names) + " | |")
    for c in report.get("conversations", []) + report.get("votes", []):
        lines.append(f"| {c['what']}: p50 / p99 (ms) | {c['p50_ms']:.2f} / {c['p99_ms']:.2f}" + " | –" * (len(names) - 1) + " | |")
    for d in report.get("sqlite_durability", []):
        lines.append(f"| SQLite writes, synchronous={d['synchronous']}, {d['writers']} writer(s): publications/s (ms each) | "
                     f"{d['publications_per_s']} ({d['ms_per_commit']:.2f})" + " | –" * (len(names) - 1) + " | |")
    w = report["wasm"]
    lines.append(f"| WASM raw / brotli (KiB), pages with islands | {w['raw_bytes'] / 1024:.0f} / {w['brotli_bytes'] / 1024:.0f} "
                 f"{verdict(w['brotli_bytes'] / 1024 <= GOALS['wasm_brotli_kib'])} |" + " |" * (len(names) - 1) + f" ≤ {GOALS['wasm_brotli_kib']} |")
    both = "sqlite" in names and "postgres" in names
    ratio_head = " PG ÷ SQLite p50 (≤ 1.5) |" if both else ""
    statements_rows = ["", "| page | " + " | ".join(names) + " |" + ratio_head, "|---|" + "---|" * (len(names) + both)]
    for i, s in enumerate(b[names[0]]["statements"]):
        ratio = ""
        if both:
            pg, lite = b["postgres"]["statements"][i]["p50_ms"], b["sqlite"]["statements"][i]["p50_ms"]
            ratio = f" {pg / lite:.2f} {verdict(pg / lite <= GOALS['postgres_vs_sqlite_p50'])} |" if lite > 0 else " — |"
        statements_rows.append(f"| `{s['path'].split('?')[0]}{'?…' if '?' in s['path'] else ''}` | " + " | ".join(
            (lambda r: f"{r['statements']} · {r['p50_ms']:.2f} / {r['p99_ms']:.2f} ms")(b[n]["statements"][i]) for n in names) + " |" + ratio)
    return "\n".join(lines + ["", "SQL statements per page (whole request) · p50 / p99 on one connection:"] + statements_rows)


def main():
    for tool in ("wrk", "brotli", "taskset", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: run `scripts/setup.sh bench`")
    if not BIN.exists() or not (SITE / "pkg").exists():
        raise SystemExit("build first: cargo leptos build --release --bin-features bench")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "server.log").write_text("")
    started = time.monotonic()
    report = {"scale": SCALE, "rounds": ROUNDS, "seconds_per_round": SECONDS, "cpus": os.cpu_count(),
              "backends": {}, "wasm": wasm_sizes(), "goals": GOALS}
    for backend in BACKENDS:
        report["backends"][backend] = bench_backend(backend)
    if os.environ.get("BENCH_FAN_OUT", "1") == "1":
        log("live stream fan-out (cargo bench --bench feed)")
        report["fan_out"] = fan_out()
    log("conversations: a 30-person group across two instances, long threads (cargo bench --bench messages)")
    report["conversations"] = conversations()
    log("votes: 64 electors at once, counting 10,000 ballots (cargo bench --bench votes)")
    report["votes"] = voting()
    log("SQLite durability: FULL against NORMAL (cargo bench --bench sqlite_durability)")
    report["sqlite_durability"] = durability()
    report["elapsed_seconds"] = round(time.monotonic() - started)
    (OUT / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    markdown = table(report)
    (OUT / "report.md").write_text(markdown + "\n")
    print("\n" + markdown)
    log(f"done in {report['elapsed_seconds']} s: {OUT / 'report.json'}, {OUT / 'report.md'}")


if __name__ == "__main__":
    sys.exit(main())
