"""REFI-QDA codebooks (``.qdc``): a plain list of codes in, the same list out.

A code is a name, a description, examples and the name of its parent code ("" at the top).
REFI-QDA has no field for examples: they are written into the description after a line
``Examples:``, one per line starting ``- ``, which a researcher reads in NVivo, ATLAS.ti,
MAXQDA or QualCoder, and :func:`read_qdc` takes apart again.  GUIDs are uuid5 of the
code's place in the tree, so the same codes always get the same GUIDs.
"""

from __future__ import annotations

import os
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from themesift.cells import xml_safe
from themesift.errors import ThemesiftError
from themesift.types import Code

__all__ = ["CODEBOOK_NS", "PROJECT_NS", "check_codes", "code_guid", "codes_element",
           "description_text", "guid", "qdc_bytes", "read_qdc", "split_description"]

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
NAMESPACE = uuid.UUID("6f1c6a1e-6b43-5d1c-9d0e-7468656d6573")  # themesift's uuid5 namespace
EXAMPLES = "\n\nExamples:\n"
MAX_QDC_BYTES = 50_000_000


def guid(*parts: str) -> str:
    """A GUID that is the same whenever ``parts`` are (uuid5 under themesift's namespace)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def code_guid(code: Code) -> str:
    return guid("code", code.parent, code.name)


def description_text(code: Code) -> str:
    """The REFI-QDA description: the code's description, then its examples."""
    text = code.description.strip()
    if code.examples:
        lines = "\n".join("- " + " ".join(e.split()) for e in code.examples)
        text = f"{text}{EXAMPLES}{lines}" if text else f"Examples:\n{lines}"
    return xml_safe(text)


def split_description(text: str) -> tuple[str, tuple[str, ...]]:
    """A description as :func:`description_text` wrote it, taken apart."""
    text = text.strip()
    if text.startswith("Examples:\n"):
        head, tail = "", text[len("Examples:\n"):]
    elif EXAMPLES in text:
        head, tail = text.rsplit(EXAMPLES, 1)
    else:
        return text, ()
    lines = [line.strip() for line in tail.splitlines()]
    if not lines or not all(line.startswith("- ") for line in lines):
        return text, ()
    return head.strip(), tuple(line[2:].strip() for line in lines)


def check_codes(codes: Sequence[Code]) -> None:
    """Names are non-empty and unique under each parent; each parent is a code."""
    if not codes:
        raise ThemesiftError("a REFI-QDA codebook needs at least one code")
    names = {c.name for c in codes}
    seen: set[tuple[str, str]] = set()
    for c in codes:
        if not c.name.strip():
            raise ThemesiftError("a code has no name")
        if (c.parent, c.name) in seen:
            raise ThemesiftError(f"code '{c.name}' appears twice under the same parent")
        seen.add((c.parent, c.name))
        if c.parent and c.parent not in names:
            raise ThemesiftError(f"code '{c.name}' has parent '{c.parent}', which is not a code")


def codes_element(codes: Sequence[Code], ns: str, codable: frozenset[Code] | None = None
                  ) -> ET.Element:
    """``<Codes>`` with each code under its parent (``codable``: None means every code)."""
    check_codes(codes)
    root = ET.Element(f"{{{ns}}}Codes")

    def add(parent_el: ET.Element, parent: str, depth: int) -> None:
        for code in (c for c in codes if c.parent == parent):
            is_codable = codable is None or code in codable
            el = ET.SubElement(parent_el, f"{{{ns}}}Code", {
                "guid": code_guid(code), "name": xml_safe(code.name),
                "isCodable": "true" if is_codable else "false"})
            text = description_text(code)
            if text:
                ET.SubElement(el, f"{{{ns}}}Description").text = text
            if depth < len(codes):  # a parent cycle cannot recurse forever
                add(el, code.name, depth + 1)

    add(root, "", 0)
    placed = sum(1 for _ in root.iter(f"{{{ns}}}Code"))
    if placed != len(codes):
        raise ThemesiftError("the codes' parents form a loop; every code needs a top-level "
                             "ancestor")
    return root


def qdc_bytes(codes: Sequence[Code], origin: str = "themesift") -> bytes:
    """A ``.qdc`` file: the codebook alone, valid against REFI-QDA's Codebook.xsd."""
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": origin})
    root.append(codes_element(codes, CODEBOOK_NS))
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def read_qdc(path: str | os.PathLike[str]) -> tuple[Code, ...]:
    """The codes of a REFI-QDA codebook (``.qdc``) or project (``.qdpx``, its codebook),
    in document order, parents before their children."""
    path = Path(path)
    if not path.is_file():
        raise ThemesiftError(f"cannot read {path}: no such file")
    if path.stat().st_size > MAX_QDC_BYTES:
        raise ThemesiftError(f"{path.name} is over {MAX_QDC_BYTES // 1_000_000} MB; "
                             "not a codebook")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".qde")]
                if not names:
                    raise ThemesiftError(f"{path.name} holds no .qde project file")
                data = archive.read(names[0])
        else:
            data = path.read_bytes()
        root = ET.fromstring(data)
    except (ET.ParseError, zipfile.BadZipFile, OSError, KeyError) as exc:
        raise ThemesiftError(f"{path.name} is not a readable REFI-QDA codebook ({exc})") \
            from None
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if ns not in (CODEBOOK_NS, PROJECT_NS):
        raise ThemesiftError(f"{path.name} is not a REFI-QDA codebook (root element "
                             f"{root.tag})")
    codes_el = root.find(f"{{{ns}}}Codes") if ns == CODEBOOK_NS else \
        root.find(f"{{{ns}}}CodeBook/{{{ns}}}Codes")
    if codes_el is None:
        raise ThemesiftError(f"{path.name} has no codes")
    codes = tuple(_walk(codes_el, ns, ""))
    if not codes:
        raise ThemesiftError(f"{path.name} has no codes")
    return codes


def _walk(parent_el: ET.Element, ns: str, parent: str) -> Iterator[Code]:
    for el in parent_el.findall(f"{{{ns}}}Code"):
        name = (el.get("name") or "").strip()
        if not name:
            raise ThemesiftError("a code in the codebook has no name")
        described = el.find(f"{{{ns}}}Description")
        description, examples = split_description(
            described.text or "" if described is not None else "")
        yield Code(name, description, examples, parent)
        yield from _walk(el, ns, name)
