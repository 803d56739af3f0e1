"""Reading the PDFs the desk makes: text per page, and every font they use."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(text: str) -> str:
    """Whitespace collapsed: English phrases survive line wrapping."""
    return re.sub(r"\s+", " ", text)


def compact(text: str) -> str:
    """Whitespace removed: Chinese phrases survive line wrapping."""
    return re.sub(r"\s+", "", text)


def font_dicts(pdf: bytes) -> list[DictionaryObject]:
    """Every font used by any page (and by any form XObject on it)."""
    found: list[DictionaryObject] = []

    def walk(resources: DictionaryObject) -> None:
        for ref in resources.get("/Font", {}).values():
            found.append(ref.get_object())
        for ref in resources.get("/XObject", {}).values():
            xobject = ref.get_object()
            if "/Resources" in xobject:
                walk(xobject["/Resources"].get_object())

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page["/Resources"].get_object())
    return found


def font_descriptor(font: DictionaryObject) -> DictionaryObject:
    """The descriptor, one level down for a Type0 (composite) font."""
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor: DictionaryObject = font["/FontDescriptor"].get_object()
    return descriptor
