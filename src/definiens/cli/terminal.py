"""Text that reaches the terminal: control characters from the inputs shown, never obeyed.

A formula or title can hold escape sequences (``ESC [31m`` colours the terminal, others move
the cursor or set the window title); a message echoing it would run them. :func:`printable`
writes each control character as an escape instead, and keeps a message on one line.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character but the tab written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
