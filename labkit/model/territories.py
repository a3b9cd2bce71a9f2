"""French départements and regions: a territory typed as people type it, read as its INSEE code,
and shown with its name ("Ardèche (07)").

The table (`data/territories.csv`) is INSEE's Code officiel géographique 2024: 101 départements
(2A and 2B for Corsica, 971 to 976 overseas) and the 18 current regions. A département's code is
INSEE's ("07", "2A", "974"); a region's is INSEE's with an ``R`` in front ("R84"), since region
and département codes overlap (84 is both Auvergne-Rhône-Alpes and Vaucluse).

Accepted: ``7``, ``07``, ``Ardèche``, ``ardeche``, ``07 - Ardèche``, ``Ardèche (07)``; ``R84``,
``région 84``, ``Auvergne-Rhône-Alpes``. A territory that is none of them (a "bassin d'emploi", a
metropolis) is kept as typed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from labkit.i18n import t
from labkit.model.text import fold

_CODE = re.compile(r"^(?:\d{1,3}|2[ab])$", re.IGNORECASE)
_REGION_CODE = re.compile(r"^r\s?(\d{1,2})$", re.IGNORECASE)
_REGION_WORD = re.compile(r"^(?:region|reg)\s+", re.IGNORECASE)
_LABEL = re.compile(r"^(.*?)\s*\(\s*(?:r[eé]gion\s+)?([^()]+?)\s*\)$", re.IGNORECASE)
_CODE_THEN_NAME = re.compile(r"^(\d{1,3}|2[ab])\s*[-–—:.]?\s+\S", re.IGNORECASE)


@dataclass(frozen=True)
class Territory:
    """A département or a region: its code ("07", "R84"), name, and a département's region."""

    code: str
    name: str
    kind: Literal["departement", "region"]
    region: str | None = None

    def label(self, lang: str | None = None) -> str:
        """ "Ardèche (07)"; a region: "Auvergne-Rhône-Alpes (région 84)"."""
        if self.kind == "region":
            return t("territory.region_label", lang, name=self.name, code=self.code[1:])
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Territory]
    by_name: dict[str, Territory]


@cache
def _table() -> _Table:
    text = files("labkit.model").joinpath("data/territories.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    by_code: dict[str, Territory] = {}
    by_name: dict[str, Territory] = {}
    for row in csv.DictReader(lines):
        if row["kind"] == "R":
            item = Territory("R" + row["code"], row["name"], "region")
        else:
            item = Territory(row["code"], row["name"], "departement", "R" + row["region"])
        by_code[item.code] = item
    # A name shared by a département and its region (Guadeloupe...) names the département.
    for item in sorted(by_code.values(), key=lambda x: x.kind == "departement"):
        by_name[fold(item.name)] = item
    return _Table(by_code, by_name)


def all_territories() -> list[Territory]:
    """Every département then every region, in INSEE's order."""
    items = list(_table().by_code.values())
    return [x for x in items if x.kind == "departement"] + [x for x in items if x.kind == "region"]


def find_territory(text: str | None) -> Territory | None:
    """The département or region `text` names (code, name or label), or None."""
    if not text:
        return None
    value = " ".join(text.split())
    table = _table()
    if match := _LABEL.match(value):  # "Ardèche (07)", "Auvergne-Rhône-Alpes (région 84)"
        named = find_territory(match[1])
        inner = [x for x in (find_territory(match[2]), find_territory("R" + match[2])) if x]
        return named if named is not None and named in inner else None
    if _CODE.match(value):
        code = value.upper().zfill(2)
        return table.by_code.get(code)
    if match := _REGION_CODE.match(value):
        return table.by_code.get("R" + match[1].zfill(2))
    folded = fold(value)
    if folded in table.by_name:
        return table.by_name[folded]
    if match := _REGION_WORD.match(folded):
        rest = folded[match.end():]
        if rest.isdigit():
            return table.by_code.get("R" + rest.zfill(2))
        found = table.by_name.get(rest)
        return table.by_code.get(found.region or found.code) if found else None
    if match := _CODE_THEN_NAME.match(value):  # "07 - Ardèche", "07 Ardèche"
        return table.by_code.get(match[1].upper().zfill(2))
    return None


def normalise_territory(value: Any) -> Any:
    """A known territory as its code ("7", "Ardèche" -> "07"); anything else unchanged."""
    if not isinstance(value, str):
        return value
    found = find_territory(value)
    return found.code if found is not None else value


def territory_label(value: str, lang: str | None = None) -> str:
    """A territory as people read it: "Ardèche (07)"; an unknown one as it was typed."""
    found = find_territory(value)
    return found.label(lang) if found is not None else value


def territory_heading(value: str, lang: str | None = None) -> str:
    """A territory as a group's title: "Ardèche (07)"; an unknown one: "Territoire Nord-Isère"."""
    found = find_territory(value)
    return found.label(lang) if found is not None else t("report.territory", lang, name=value)


def region_of(value: str) -> Territory | None:
    """The region of a département (or the region itself); None for an unknown territory."""
    found = find_territory(value)
    if found is None:
        return None
    return found if found.region is None else _table().by_code[found.region]
