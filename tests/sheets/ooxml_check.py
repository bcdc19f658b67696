"""A strict check of an .xlsx package, for what Excel refuses or "repairs" and LibreOffice
forgives (we cannot run Excel here):

- the package (`package_problems`): every part is an XML document that parses; every
  part has a content type in [Content_Types].xml (an Override, or a Default for its
  extension) and every Override names a part that exists; every relationship of every
  .rels part is unique by Id and its internal target exists; the workbook, worksheet,
  drawing and chart parts have the content types Excel expects;
- the charts (`chart_problems`): each xl/charts/chartN.xml against the DrawingML chart
  schema (namespace http://schemas.openxmlformats.org/drawingml/2006/chart) as the Open
  XML SDK describes it (data/schemas_openxmlformats_org_drawingml_2006_chart.json, see
  data/README.md): for every element of the chart namespace, its children in the order,
  number and choice of the schema's particles (sequence, choice, group, any; minOccurs,
  maxOccurs), no attribute the schema does not define, every required attribute present,
  enumerated values among the allowed ones, booleans, integers and doubles well formed and
  within their type's and the schema's bounds. Elements of other namespaces (DrawingML's
  a:) are checked where they stand in a chart element's particle, not inside.

`problems(path)` gives both, each a line "part: what is wrong" (empty: the package passes).
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

SCHEMA = Path(__file__).parent / "data" / "schemas_openxmlformats_org_drawingml_2006_chart.json"
PREFIXES = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "cdr": "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
}
C = PREFIXES["c"]
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument"
EXPECTED_TYPES = {
    r"xl/workbook\.xml": f"{OFFICE}.spreadsheetml.sheet.main+xml",
    r"xl/worksheets/sheet\d+\.xml": f"{OFFICE}.spreadsheetml.worksheet+xml",
    r"xl/drawings/drawing\d+\.xml": f"{OFFICE}.drawing+xml",
    r"xl/charts/chart\d+\.xml": f"{OFFICE}.drawingml.chart+xml",
    r"xl/styles\.xml": f"{OFFICE}.spreadsheetml.styles+xml",
}
INTEGERS = {  # the Open XML SDK's value types: their bounds
    "ByteValue": (0, 255),
    "SByteValue": (-128, 127),
    "UInt16Value": (0, 65535),
    "Int16Value": (-32768, 32767),
    "UInt32Value": (0, 2**32 - 1),
    "Int32Value": (-(2**31), 2**31 - 1),
    "UInt64Value": (0, 2**64 - 1),
    "Int64Value": (-(2**63), 2**63 - 1),
}
DOUBLE = re.compile(r"^\s*(-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|INF|-INF|NaN)\s*$")


# --- the package ---------------------------------------------------------------------------


def package_problems(path: Path) -> list[str]:
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        parts = set(names)
        if "[Content_Types].xml" not in parts:
            return ["[Content_Types].xml is missing"]
        xml = {}
        for name in names:
            if name.endswith((".xml", ".rels")):
                try:
                    xml[name] = ElementTree.fromstring(archive.read(name))
                except ElementTree.ParseError as error:
                    found.append(f"{name}: not well-formed XML ({error})")
    types = xml["[Content_Types].xml"]
    defaults = {
        d.get("Extension").lower(): d.get("ContentType") for d in types.iter(f"{{{CT}}}Default")
    }
    overrides = {
        o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.iter(f"{{{CT}}}Override")
    }
    for name in sorted(overrides):
        if name not in parts:
            found.append(f"[Content_Types].xml: an Override for {name}, not in the package")
    for name in names:
        if name == "[Content_Types].xml":
            continue
        kind = overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower())
        if kind is None:
            found.append(f"{name}: no content type in [Content_Types].xml")
        for pattern, expected in EXPECTED_TYPES.items():
            if re.fullmatch(pattern, name) and kind != expected:
                found.append(f"{name}: content type {kind}, not {expected}")
    for name, root in xml.items():
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/x.rels -> xl
        ids = set()
        for rel in root.iter(f"{{{RELS}}}Relationship"):
            rid = rel.get("Id")
            if rid in ids:
                found.append(f"{name}: the relationship id {rid} is used twice")
            ids.add(rid)
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(source_dir, target))
            )
            if resolved not in parts:
                found.append(f"{name}: {rid} points to {target}, which is not in the package")
        source = posixpath.join(source_dir, posixpath.basename(name)[: -len(".rels")])
        if name != "_rels/.rels" and source not in parts:
            found.append(f"{name}: relationships of {source}, which is not in the package")
    return found


# --- the chart schema ----------------------------------------------------------------------


@cache
def _schema() -> tuple[dict, dict, dict]:
    data = json.loads(SCHEMA.read_text(encoding="utf-8"))
    by_name = {t["Name"]: t for t in data["Types"]}
    by_class = {t["ClassName"]: t for t in data["Types"]}
    enums = {e["Name"]: {f["Value"] for f in e["Facets"]} for e in data["Enums"]}
    return by_name, by_class, enums


def _resolved(kind: dict) -> tuple[list, dict | None]:
    """A type's attributes and particle, with those of the types it derives from."""
    _, by_class, _ = _schema()
    attributes, particle = list(kind.get("Attributes", [])), kind.get("Particle")
    base = by_class.get(kind.get("BaseClass", ""))
    while base is not None:
        attributes += base.get("Attributes", [])
        particle = particle or base.get("Particle")
        base = by_class.get(base.get("BaseClass", ""))
    return attributes, particle


def _qname(tag: str) -> str:
    """ "{ns}local" as the schema names it: "c:local" (or the tag when not known)."""
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}")
        for prefix, uri in PREFIXES.items():
            if uri == namespace:
                return f"{prefix}:{local}"
    return tag


def _element(name: str) -> str:
    return name.split("/", 1)[1]


def _occurs(particle: dict) -> tuple[int, float]:
    if "Occurs" not in particle:
        return 1, 1
    (occurs,) = particle["Occurs"] or [{}]
    return occurs.get("Min", 0), occurs.get("Max", float("inf"))


def _match_once(particle: dict, names: list[str], pos: int) -> int | None:
    """Where one occurrence of `particle` ends when it starts at `pos`; None: it cannot."""
    kind = particle.get("Kind")
    if kind is None:  # an element
        return pos + 1 if pos < len(names) and names[pos] == _element(particle["Name"]) else None
    if kind == "Any":
        return pos + 1 if pos < len(names) and not names[pos].startswith("c:") else None
    if kind in ("Sequence", "Group"):
        for item in particle["Items"]:
            pos = _match(item, names, pos)
            if pos is None:
                return None
        return pos
    if kind == "Choice":
        empty = False
        for item in particle["Items"]:
            end = _match(item, names, pos)
            if end is not None and end > pos:
                return end
            empty = empty or end == pos
        return pos if empty else None
    raise ValueError(f"unknown particle kind {kind}")


def _match(particle: dict, names: list[str], pos: int) -> int | None:
    least, most = _occurs(particle)
    count = 0
    while count < most:
        end = _match_once(particle, names, pos)
        if end is None or end == pos:
            if end == pos:
                count = max(count, least)  # matched empty: as often as needed
            break
        pos, count = end, count + 1
    return pos if count >= least else None


def _value_problem(value: str, attribute: dict, enums: dict) -> str | None:
    kind = attribute["Type"]
    if kind.startswith("EnumValue<"):
        allowed = enums.get(kind[len("EnumValue<") : -1].rsplit(".", 1)[-1])
        if allowed is not None and value not in allowed:
            return f"{value!r} is not one of {sorted(allowed)}"
        return None
    bounds: list[tuple[str, float]] = []
    for validator in attribute.get("Validators", []):
        if validator["Name"] == "NumberValidator":
            bounds += [(a["Name"], float(a["Value"])) for a in validator.get("Arguments", [])]
    number: float
    if kind == "BooleanValue":
        return None if value in ("true", "false", "1", "0") else f"{value!r} is not a boolean"
    if kind in INTEGERS:
        if not re.fullmatch(r"\s*[-+]?\d+\s*", value):
            return f"{value!r} is not an integer"
        number = int(value)
        low, high = INTEGERS[kind]
        if not low <= number <= high:
            return f"{value} is out of the range of {kind}"
    elif kind == "DoubleValue":
        if not DOUBLE.match(value):
            return f"{value!r} is not a number"
        number = float(value)
    else:
        return None
    for name, bound in bounds:
        if (
            (name == "MinInclusive" and number < bound)
            or (name == "MaxInclusive" and number > bound)
            or (name == "MinExclusive" and number <= bound)
            or (name == "MaxExclusive" and number >= bound)
        ):
            return f"{value} breaks {name} {bound:g}"
    return None


def _check(element: ElementTree.Element, kind: dict, where: str, found: list[str]) -> None:
    _, _, enums = _schema()
    by_name = _schema()[0]
    attributes, particle = _resolved(kind)
    defined = {a["QName"].split(":", 1)[1] if a["QName"].startswith(":") else a["QName"]: a
               for a in attributes}  # fmt: skip
    for key, value in element.attrib.items():
        name = _qname(key)
        attribute = defined.get(name)
        if attribute is None:
            found.append(f"{where}: the attribute {name} is not in the schema")
            continue
        problem = _value_problem(value, attribute, enums)
        if problem:
            found.append(f"{where}/@{name}: {problem}")
    for name, attribute in defined.items():
        required = any(v["Name"] == "RequiredValidator" for v in attribute.get("Validators", []))
        if required and not any(_qname(k) == name for k in element.attrib):
            found.append(f"{where}: the required attribute {name} is missing")
    children = list(element)
    names = [_qname(child.tag) for child in children]
    if particle is None:
        if children:
            found.append(f"{where}: holds {names[0]}, but has no child elements in the schema")
        return
    end = _match(particle, names, 0)
    if end is None or end < len(names):
        found.append(
            f"{where}: children {names} do not follow the schema"
            + (f" (unexpected {names[end]})" if end is not None else " (missing or misplaced)")
        )
        return
    # each child's type: the schema's item of that name among this type's particle
    items = {}

    def collect(p: dict) -> None:
        if "Name" in p:
            items.setdefault(_element(p["Name"]), p["Name"])
        for item in p.get("Items", []):
            collect(item)

    collect(particle)
    for child, name in zip(children, names, strict=True):
        if not name.startswith("c:") or name not in items:
            continue
        child_kind = by_name.get(items[name])
        if child_kind is not None:
            _check(child, child_kind, f"{where}/{name}", found)


def chart_problems(path: Path) -> list[str]:
    by_name = _schema()[0]
    (root_kind,) = [t for n, t in by_name.items() if n.endswith("/c:chartSpace")]
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name):
                root = ElementTree.fromstring(archive.read(name))
                if root.tag != f"{{{C}}}chartSpace":
                    found.append(f"{name}: the root is {root.tag}, not c:chartSpace")
                    continue
                _check(root, root_kind, f"{name}:c:chartSpace", found)
    return found


def problems(path: Path) -> list[str]:
    return package_problems(path) + chart_problems(path)
