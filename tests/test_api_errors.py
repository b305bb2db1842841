"""``definiens.api.annotate`` refuses what is not text with a UsageError naming the type."""

from __future__ import annotations

import pytest

from definiens.api import annotate
from definiens.errors import UsageError


@pytest.mark.parametrize(
    ("value", "kind"), [(None, "NoneType"), (5, "int"), (b"$x$ is the variable", "bytes")]
)
def test_annotate_refuses_what_is_not_a_str(value: object, kind: str) -> None:
    with pytest.raises(UsageError, match=rf"^text must be a str, not {kind}$"):
        annotate(value)  # type: ignore[arg-type]
