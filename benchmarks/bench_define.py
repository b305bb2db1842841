"""Speed of the whole extraction beside a plain spaCy pass over the same text.

For each corpus (the 50 NTCIR-11 dev pages; a sample of PlanetMath LaTeX entries) it times, in
the same run and process, with the spaCy model already loaded:

* the whole extraction: ``parse`` (ingest) + ``identify`` (formulas) + ``define`` on each page;
* the define stage alone (on the parsed and identified pages);
* a plain spaCy ``nlp.pipe`` pass (tok2vec, tagger and parser only) over the same plain text
  (``Document.text`` of each page), the reference the extraction must not be slower than.

Each figure is the best of ``--repeat`` runs. Usage:
``.venv/bin/python benchmarks/bench_define.py [--data ../shared/data] [--planetmath 300]``
"""

from __future__ import annotations

import argparse
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from definiens.define import Definer
from definiens.formulas import identify
from definiens.ingest import parse, read_inputs
from definiens.model import Document

REPO = Path(__file__).resolve().parent.parent


def _read(paths: list[Path]) -> list[Document]:
    return [item for item in read_inputs([str(p) for p in paths]) if isinstance(item, Document)]


def _planetmath(archive: Path, folder: Path, count: int) -> list[Path]:
    """Every n-th ``.tex`` entry of the archive (sorted paths), ``count`` of them."""
    with tarfile.open(archive) as tar:
        members = sorted(
            (m for m in tar.getmembers() if m.name.endswith(".tex")), key=lambda m: m.name
        )
        step = max(len(members) // max(count, 1), 1)
        chosen = members[::step][:count]
        tar.extractall(folder, members=chosen, filter="data")
    return [folder / m.name for m in chosen]


def _best(repeat: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _fresh(raw: list[Document]) -> list[Document]:
    return [
        Document(d.id, d.title, d.source, d.format, d.source_text, metadata=dict(d.metadata))
        for d in raw
    ]


def bench(name: str, raw: list[Document], plain_nlp: Any, definer: Definer, repeat: int) -> None:
    done = [identify(parse(d)) for d in _fresh(raw)]
    texts = [d.text for d in done]
    chars = sum(len(t) for t in texts)

    def whole() -> None:
        for document in _fresh(raw):
            definer(identify(parse(document)))

    def define_only() -> None:
        for document in done:
            definer(document)

    def plain() -> None:
        for _ in plain_nlp.pipe(texts, batch_size=16):
            pass

    t_plain = _best(repeat, plain)
    t_whole = _best(repeat, whole)
    t_define = _best(repeat, define_only)
    n = len(raw)
    print(f"{name}: {n} documents, {chars / 1e6:.2f} M characters of plain text")
    for label, seconds in (
        ("whole extraction (parse+identify+define)", t_whole),
        ("define stage alone", t_define),
        ("plain spaCy nlp.pipe tagger+parser", t_plain),
    ):
        print(f"  {label:<42} {n / seconds:8.1f} pages/s ({seconds:.2f} s)")
    print(f"  whole extraction is {t_plain / t_whole:.2f}x the speed of the plain spaCy pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--planetmath", type=int, default=300, help="entries (0: skip)")
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs (default 2)")
    args = parser.parse_args()

    import spacy

    definer = Definer()
    definer.nlp  # load the pipeline and the model before timing  # noqa: B018
    definer.model  # noqa: B018
    plain_nlp = spacy.load(_model_name(), exclude=["ner", "lemmatizer", "attribute_ruler"])
    print(f"plain pass pipes: {', '.join(plain_nlp.pipe_names)}")
    bench("NTCIR-11 dev pages", _read([args.data / "ntcir11-wiki" / "pages-dev.xml"]),
          plain_nlp, definer, args.repeat)  # fmt: skip
    if args.planetmath:
        with tempfile.TemporaryDirectory() as folder:
            files = _planetmath(args.data / "planetmath-tex.tar.gz", Path(folder), args.planetmath)
            bench("PlanetMath sample", _read(files), plain_nlp, definer, args.repeat)


def _model_name() -> str:
    import spacy

    from definiens.define.nlp import MODEL_NAMES

    installed = set(spacy.util.get_installed_models())
    return next(name for name in MODEL_NAMES if name in installed)


if __name__ == "__main__":
    main()
