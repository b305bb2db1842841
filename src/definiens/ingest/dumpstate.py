"""Where the dump reader is (for locating damage and invalid bytes), and why it stopped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

__all__ = ["Broken", "DumpState"]


@dataclass
class DumpState:
    """Where the reader is: for locating damage and invalid bytes."""

    source: str
    line: int = 1
    pages: int = 0
    title: str = ""
    id: str = ""
    fragment: bool = False
    depth: int = 0
    root: ET.Element | None = None
    bad_lines: list[int] = field(default_factory=list)

    def where(self, line: int | None = None) -> str:
        line = self.line if line is None else line
        page = f", in page {self.title!r}" if self.title else ""
        return f"{self.source}: line {line}{page}"


class Broken(Exception):
    """Reading stopped: ``message`` says why, ``line`` where (None: at the end of the data)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
