#!/usr/bin/env python3
"""The home feed at a larger demo network (`make bench-scale`, issue 15): seed-demo at BENCH_SCALE
(M by default: 100,000 people, 1,000,000 publications, 20,000,000 reactions) on each backend of
BENCH_BACKENDS, with its load time, the seeding process's peak memory and the database's size; then
the secretary's home feed at page 1 and at page 500, p50 / p99 on one connection, against the S
figures of the last `make bench` (target/bench/report.json). Needs the bench build (`make bench`
builds it). Writes target/bench/scale-<scale>.json and .md."""

import json
import os
import subprocess
import sys
import time

os.environ.setdefault("BENCH_SCALE", "M")
import bench  # noqa: E402  (reads BENCH_SCALE when imported)


def seed_measured(url):
    """Seconds and the seeding process's peak RSS (MiB), from /usr/bin/time."""
    started = time.monotonic()
    out = subprocess.run(
        ["/usr/bin/time", "-f", "peak-rss-kib %M", str(bench.BIN), "--log", "warn", "--database-url", url, "seed-demo",
         "--scale", bench.SCALE], check=True, capture_output=True, text=True)
    seconds = round(time.monotonic() - started, 1)
    peak = next(int(line.split()[1]) for line in out.stderr.splitlines() if line.startswith("peak-rss-kib"))
    return seconds, round(peak / 1024, 1)


def database_mib(backend, url):
    if backend == "sqlite":
        path = url.removeprefix("sqlite://")
        return round(sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)) / 2**20, 1)
    name = url.rsplit("/", 1)[1]
    size = bench.run(["psql", bench.PG_ADMIN, "-Atc", f"SELECT pg_database_size('{name}')"]).strip()
    return round(int(size) / 2**20, 1)


def measure(backend):
    bench.log(f"{backend}: seeding the {bench.SCALE} demo network")
    url = bench.database_url(backend)
    seconds, peak = seed_measured(url)
    result = {"seed_seconds": seconds, "seed_peak_rss_mib": peak, "database_mib": database_mib(backend, url)}
    if backend == "postgres":
        # The state autovacuum reaches on its own after a bulk load, reached now so that the
        # measurement does not overlap it (the visibility map makes index-only scans possible).
        started = time.monotonic()
        bench.run(["psql", url, "-qc", "VACUUM (ANALYZE)"])
        result["vacuum_seconds"] = round(time.monotonic() - started, 1)
        bench.pin_postgres(bench.SERVER_CPU)
    static_file = bench.OUT / f"scale-feed-{backend}.html"
    static_file.write_bytes(b"")
    server = bench.Server(url, static_file)
    try:
        cookie = bench.sign_in()
        deep, result["deep_page_number"] = bench.deep_page(cookie)
        bench.wrk("/fil", cookie, 1, 3)
        result["page1"] = bench.median_of_rounds("/fil", cookie, 1)
        result["page500"] = bench.median_of_rounds(deep, cookie, 1)
        result["rss_peak_mib"] = round(server.rss("VmHWM") / 1024, 1)
    finally:
        server.stop()
    return result


def table(report, s_report):
    lines = [f"| backend | seed {report['scale']} (s) | seed peak RSS (MiB) | database (MiB) | page 1 p50 / p99 (ms) | "
             f"page {{n}} p50 / p99 (ms) | page 1 p50 {report['scale']} ÷ S (≤ 1.3) |", "|---|---|---|---|---|---|---|"]
    for backend, r in report["backends"].items():
        s = s_report.get("backends", {}).get(backend)
        ratio = f"{r['page1']['p50_ms'] / s['page1']['p50_ms']:.2f}" if s else "—"
        s_figures = f" (S: {s['page1']['p50_ms']:.2f} / {s['page1']['p99_ms']:.2f})" if s else ""
        lines.append(
            f"| {backend} | {r['seed_seconds']} | {r['seed_peak_rss_mib']} | {r['database_mib']} | "
            f"{r['page1']['p50_ms']:.2f} / {r['page1']['p99_ms']:.2f}{s_figures} | "
            f"{r['page500']['p50_ms']:.2f} / {r['page500']['p99_ms']:.2f} (page {r['deep_page_number']}) | {ratio} |")
    return "\n".join(lines).replace("page {n}", "deep page")


def main():
    if not bench.BIN.exists():
        raise SystemExit("build first: make bench (or cargo leptos build --release --bin-features bench)")
    bench.OUT.mkdir(parents=True, exist_ok=True)
    report = {"scale": bench.SCALE, "backends": {backend: measure(backend) for backend in bench.BACKENDS}}
    s_path = bench.OUT / "report.json"
    s_report = json.loads(s_path.read_text()) if s_path.exists() else {}
    name = f"scale-{bench.SCALE}"
    (bench.OUT / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    markdown = table(report, s_report if s_report.get("scale") == "S" else {})
    (bench.OUT / f"{name}.md").write_text(markdown + "\n")
    print("\n" + markdown)


if __name__ == "__main__":
    sys.exit(main())
