"""REFI-QDA projects (``.qdpx``): the comments as sources, the codebook, and the codings.

A ``.qdpx`` is a zip of ``project.qde`` (XML, valid against REFI-QDA's
Project-mrt2019.xsd) and ``sources/<GUID>.txt``.  Each comment is one plain-text source
named by its id, coded with one ``PlainTextSelection`` over the whole text per code: a
coder in NVivo, ATLAS.ti, MAXQDA or QualCoder sees one document per comment, and their
codes come back per comment (for ``themesift agree``) without character offsets to map.
A respondent with answers to several questions is a ``Case`` holding their sources.

The same project always gives the same bytes: GUIDs are uuid5 of content, entries are
written in a fixed order with a fixed timestamp.
"""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from themesift.cells import xml_safe
from themesift.fsutil import atomic_path
from themesift.qda.codebook import PROJECT_NS, code_guid, codes_element, guid
from themesift.types import Code

__all__ = ["QdaProject", "Source", "project_xml", "qdpx_bytes", "source_guids", "write_bytes"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no clock in the bytes


@dataclass(frozen=True)
class Source:
    """One comment: its name (the comment id), its redacted text, its codes, its case."""

    name: str
    text: str
    codes: tuple[Code, ...] = ()
    case: str = ""  # the respondent, when they answered several questions


@dataclass(frozen=True)
class QdaProject:
    name: str
    codes: tuple[Code, ...]
    sources: tuple[Source, ...]
    origin: str = "themesift"
    created: str = ""  # xsd:dateTime, e.g. the model's creation time; "" leaves it out
    user: str = "themesift"


def source_guids(sources: Sequence[Source]) -> list[str]:
    """uuid5 of each source's name and text; a repeat gets a counter."""
    seen: dict[str, int] = {}
    out = []
    for s in sources:
        key = guid("source", s.name, s.text)
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else guid("source", s.name, s.text, str(seen[key])))
    return out


def project_xml(project: QdaProject, guids: Sequence[str]) -> bytes:
    """``project.qde`` for ``project`` (its sources' GUIDs in ``guids``)."""
    ns = PROJECT_NS
    ET.register_namespace("", ns)
    user = guid("user", project.user)
    stamp = {"creationDateTime": project.created} if project.created else {}
    root = ET.Element(f"{{{ns}}}Project", {"name": xml_safe(project.name),
                                           "origin": project.origin,
                                           "creatingUserGUID": user, **stamp})
    users = ET.SubElement(root, f"{{{ns}}}Users")
    ET.SubElement(users, f"{{{ns}}}User", {"guid": user, "name": project.user})
    if project.codes:
        book = ET.SubElement(root, f"{{{ns}}}CodeBook")
        used = frozenset(c for s in project.sources for c in s.codes)
        book.append(codes_element(project.codes, ns, codable=used | _leaves(project.codes)))
    cases: dict[str, list[str]] = {}
    for s, g in zip(project.sources, guids, strict=True):
        if s.case:
            cases.setdefault(s.case, []).append(g)
    if cases:
        cases_el = ET.SubElement(root, f"{{{ns}}}Cases")
        for name, members in cases.items():
            case = ET.SubElement(cases_el, f"{{{ns}}}Case",
                                 {"guid": guid("case", name), "name": xml_safe(name)})
            for g in members:
                ET.SubElement(case, f"{{{ns}}}SourceRef", {"targetGUID": g})
    if project.sources:
        sources_el = ET.SubElement(root, f"{{{ns}}}Sources")
        for s, g in zip(project.sources, guids, strict=True):
            el = ET.SubElement(sources_el, f"{{{ns}}}TextSource", {
                "guid": g, "name": xml_safe(s.name), "plainTextPath": f"internal://{g}.txt",
                "creatingUser": user, **stamp})
            text = xml_safe(s.text)
            for code in s.codes:
                selection = ET.SubElement(el, f"{{{ns}}}PlainTextSelection", {
                    "guid": guid("selection", g, code_guid(code)), "name": xml_safe(text[:60]),
                    "startPosition": "0", "endPosition": str(len(text)),
                    "creatingUser": user, **stamp})
                coding = ET.SubElement(selection, f"{{{ns}}}Coding", {
                    "guid": guid("coding", g, code_guid(code)), "creatingUser": user,
                    **stamp})
                ET.SubElement(coding, f"{{{ns}}}CodeRef", {"targetGUID": code_guid(code)})
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def qdpx_bytes(project: QdaProject) -> bytes:
    """The ``.qdpx`` zip: ``project.qde`` first, then each source's text."""
    guids = source_guids(project.sources)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "project.qde", project_xml(project, guids))
        for s, g in zip(project.sources, guids, strict=True):
            _add(archive, f"sources/{g}.txt", xml_safe(s.text).encode("utf-8"))
    return buffer.getvalue()


def write_bytes(data: bytes, out: str | os.PathLike[str]) -> None:
    """``data`` to ``out``, atomically."""
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def _leaves(codes: Sequence[Code]) -> frozenset[Code]:
    parents = {c.parent for c in codes}
    return frozenset(c for c in codes if c.name not in parents)
