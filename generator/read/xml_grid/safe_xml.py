"""Parsing spreadsheet XML safely: DTDs and entity declarations (entity bombs) are refused
by defusedxml for the small parts and by the pyexpat handlers of :class:`ExpatScan` for the
big ones; malformed XML becomes a `file-unreadable` refusal, never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO, NoReturn
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from generator.read import messages as msg


def events(fh: IO[bytes], part: str, rel: str) -> Iterator[tuple[str, Element]]:
    """Stream (event, element) pairs; DTDs, entities and malformed XML become refusals."""
    try:
        yield from iterparse(fh, events=("start", "end"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise msg.LoadRefused(
            msg.unreadable(rel, f"XML part {part} declares a DTD or entities (refused: {exc})")
        ) from exc
    except ParseError as exc:
        raise msg.LoadRefused(msg.unreadable(rel, f"XML part {part} is malformed: {exc}")) from exc


def check_prologs(zf: zipfile.ZipFile, rel: str) -> None:
    """Refuse any XML member that declares a DTD (entity bombs live there)."""
    for name in zf.namelist():
        if name.endswith((".xml", ".rels")):
            with zf.open(name) as fh:
                check_prolog(fh, name, rel)


_CHUNK = 16 * 1024


class _Opened(Exception):
    """The root element has opened: nothing a DTD check looks for can come after."""


def _opened(*_args: object) -> NoReturn:
    raise _Opened()


def check_prolog(fh: IO[bytes], part: str, rel: str) -> None:
    """The refusals :func:`events` makes before its first event, without building elements:
    what comes before the root element's start tag, fed to expat until that tag (where the
    check stops: iterparse yields that event before any later error) or the part's end
    (then closed: an empty part or one without a root is malformed). A DTD, an entity and
    malformed XML there are refused alike."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = _opened
    _forbid_declarations(parser)
    try:
        while data := fh.read(_CHUNK):
            parser.Parse(data, False)
        parser.Parse(b"", True)
    except _Opened:
        return
    except _Forbidden as exc:
        detail = f"XML part {part} declares a DTD or entities (refused)"
        raise msg.LoadRefused(msg.unreadable(rel, detail)) from exc
    except expat.ExpatError as exc:
        raise msg.LoadRefused(msg.unreadable(rel, f"XML part {part} is malformed: {exc}")) from exc


def _forbid_declarations(parser: expat.XMLParserType) -> None:
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)


class _Forbidden(Exception):
    """A DTD or entity declaration in a part scanned with expat."""


def _forbid(*_args: object) -> NoReturn:
    raise _Forbidden()


class ExpatScan:
    """Base of the streaming scanners: pyexpat with handlers, names as 'namespace}local'.

    Building element objects (ElementTree) costs ~5x more on big sheets; expat handlers
    keep the scan well under calamine's own reading time. DTDs and entities are refused,
    as defusedxml does.
    """

    def __init__(self, rel: str) -> None:
        self.rel = rel

    def start(self, name: str, attrs: dict[str, str]) -> None:
        raise NotImplementedError

    def end(self, name: str) -> None:
        """End of an element; ignored unless a scanner needs it."""

    def chars(self, data: str) -> None:
        """Character data; ignored unless a scanner needs it."""

    def done(self) -> None:
        """Called after the last element."""

    def _wants_end(self) -> bool:
        return type(self).end is not ExpatScan.end

    def parse(self, fh: IO[bytes], part: str) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        if self._wants_end():
            parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.chars
        _forbid_declarations(parser)
        try:
            parser.ParseFile(fh)
        except _Forbidden as exc:
            detail = f"XML part {part} declares a DTD or entities (refused)"
            raise msg.LoadRefused(msg.unreadable(self.rel, detail)) from exc
        except expat.ExpatError as exc:
            detail = f"XML part {part} is malformed: {exc}"
            raise msg.LoadRefused(msg.unreadable(self.rel, detail)) from exc
        self.done()
