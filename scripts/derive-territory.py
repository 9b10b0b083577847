#!/usr/bin/env python3
"""Derives server/data/territoire.tsv.gz, the compact French territory file embedded in `coopol`.

Inputs (never fetched at run time):
  - the npm package @etalab/decoupage-administratif (pinned below; Licence Ouverte 2.0, INSEE COG),
    unpacked with `npm pack`;
  - ../shared/data/communes-coordonnees.csv (INSEE / La Poste / comparateur de territoires, Licence
    Ouverte 2.0) for each commune's reference point.

Output lines (tab-separated, UTF-8, gzip):
  R  code  name                                   one per région
  D  code  region_code  name                      one per département (incl. 2A/2B, DROM, COM)
  C  insee  departement  region  name  population  lat  lng  postal codes (space-separated)
A commune missing from the coordinates file takes its predecessors' point (anciensCodes), else
its département's mean point.

Usage: scripts/derive-territory.py [path/to/unpacked/package]   (default: npm pack into a temp dir)
"""
import csv
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif@6.0.0"
ROOT = Path(__file__).resolve().parent.parent
COORDS = ROOT.parent / "shared" / "data" / "communes-coordonnees.csv"
OUT = ROOT / "server" / "data" / "territoire.tsv.gz"


def unpack() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="etalab-"))
    name = subprocess.check_output(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, text=True).strip().splitlines()[-1]
    subprocess.check_call(["tar", "xzf", name], cwd=tmp)
    return tmp / "package"


def main() -> None:
    package = Path(sys.argv[1]) if len(sys.argv) > 1 else unpack()
    data = package / "data"
    regions = json.loads((data / "regions.json").read_text())
    departements = json.loads((data / "departements.json").read_text())
    communes = [c for c in json.loads((data / "communes.json").read_text()) if c["type"] == "commune-actuelle"]

    points, arrondissements = {}, {}
    with COORDS.open(newline="") as f:
        for row in csv.DictReader(f):
            if not (row["lat"] and row["lng"]):
                continue
            point = (float(row["lat"]), float(row["lng"]))
            if row["type"] == "COM":
                points[row["insee"]] = point
            elif row["type"] == "ARM" and row["insee_parente"]:
                # Paris, Lyon, Marseille: the file has their arrondissements; use their mean point.
                arrondissements.setdefault(row["insee_parente"], {})[row["insee"]] = point
    for parent, arms in arrondissements.items():
        if parent not in points:
            ps = list(arms.values())
            points[parent] = (sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps))

    def point_of(c):
        if c["code"] in points:
            return points[c["code"]]
        olds = [points[o] for o in c.get("anciensCodes", []) if o in points]
        if olds:
            return (sum(p[0] for p in olds) / len(olds), sum(p[1] for p in olds) / len(olds))
        return None

    by_dept = {}
    for c in communes:
        p = point_of(c)
        if p:
            by_dept.setdefault(c["departement"], []).append(p)
    dept_mean = {d: (sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps)) for d, ps in by_dept.items()}

    lines, fallback, missing = [], 0, 0
    for r in sorted(regions, key=lambda r: r["code"]):
        lines.append(f"R\t{r['code']}\t{r['nom']}")
    for d in sorted(departements, key=lambda d: d["code"]):
        lines.append(f"D\t{d['code']}\t{d['region']}\t{d['nom']}")
    for c in sorted(communes, key=lambda c: c["code"]):
        p = point_of(c)
        if p is None:
            p = dept_mean.get(c["departement"])
            fallback += 1
        if p is None:
            missing += 1
            lat = lng = ""
        else:
            lat, lng = f"{p[0]:.5f}", f"{p[1]:.5f}"
        postal = " ".join(sorted(set(c.get("codesPostaux", []))))
        population = c.get("population")
        lines.append(
            f"C\t{c['code']}\t{c['departement']}\t{c['region']}\t{c['nom']}\t"
            f"{'' if population is None else population}\t{lat}\t{lng}\t{postal}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode())
    print(f"{OUT.relative_to(ROOT)}: {len(regions)} régions, {len(departements)} départements, "
          f"{len(communes)} communes ({fallback} with a fallback point, {missing} without), "
          f"{OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
