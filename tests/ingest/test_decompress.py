"""open_binary: lbzip2 when on PATH, bz2 otherwise; multistream files; damage; the read
position, told to the caller that asks for it (no global registry)."""

from __future__ import annotations

import bz2
import shutil
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.ingest import read_inputs
from definiens.ingest.decompress import ReadPosition, decompressor, open_binary

PAGES = Path(__file__).parents[1] / "data" / "store" / "pages.xml"


@pytest.fixture(params=["lbzip2", "bz2"])
def tool(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "lbzip2":
        if shutil.which("lbzip2") is None and shutil.which("pbzip2") is None:
            pytest.skip("neither lbzip2 nor pbzip2 is installed")
    else:
        monkeypatch.setenv("DEFINIENS_NO_LBZIP2", "1")
    return str(request.param)


def _multistream(tmp_path: Path) -> tuple[Path, bytes]:
    """A dump compressed as two bz2 streams, as Wikipedia's multistream dumps are."""
    data = PAGES.read_bytes()
    half = len(data) // 2
    path = tmp_path / "pages.xml.bz2"
    path.write_bytes(bz2.compress(data[:half]) + bz2.compress(data[half:]))
    return path, data


def test_reads_every_stream_and_reports_position(tmp_path: Path, tool: str) -> None:
    path, data = _multistream(tmp_path)
    assert (decompressor() is None) == (tool == "bz2")
    position = ReadPosition()
    with open_binary(path, position) as stream:
        assert position() is not None
        assert stream.read() == data
        assert position() == path.stat().st_size


def test_plain_file_is_read_as_is(tmp_path: Path) -> None:
    position = ReadPosition()
    assert position() is None  # nothing opened yet
    with open_binary(PAGES, position) as stream:
        first = stream.read(100)
        assert position() is not None
    assert first == PAGES.read_bytes()[:100]
    assert position() is None  # closed


def test_the_reader_moves_the_position_through_a_dump(tmp_path: Path, tool: str) -> None:
    path, _ = _multistream(tmp_path)
    position = ReadPosition()
    seen = [position() for _ in read_inputs([path], position=position)]
    assert seen and all(at is not None and 0 < at <= path.stat().st_size for at in seen)
    assert seen == sorted(seen)
    assert position() is None  # the reader closed the file


def test_truncated_bz2_names_the_file(tmp_path: Path, tool: str) -> None:
    path, _ = _multistream(tmp_path)
    damaged = tmp_path / "damaged.xml.bz2"
    damaged.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    with pytest.raises(InputError, match=r"damaged\.xml\.bz2"), open_binary(damaged) as stream:
        while stream.read(1 << 16):
            pass


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.xml\.bz2"):
        open_binary(tmp_path / "missing.xml.bz2")


def test_everything_before_the_damage_is_delivered(tmp_path: Path, tool: str) -> None:
    data = PAGES.read_bytes()
    head, tail = data[:5000], data[5000:]
    rest = bz2.compress(tail)
    damaged = tmp_path / "damaged.xml.bz2"
    damaged.write_bytes(bz2.compress(head) + rest[: len(rest) // 2])
    received = bytearray()
    with pytest.raises(InputError, match=r"damaged\.xml\.bz2"), open_binary(damaged) as stream:
        while chunk := stream.read(1000):
            received += chunk
    assert bytes(received[: len(head)]) == head
    assert data.startswith(bytes(received))
