"""Speed of the whole extraction beside a plain spaCy pass over the same text.

For each corpus (the 50 NTCIR-11 dev pages; a sample of PlanetMath LaTeX entries) it times, in
the same run and process, with the spaCy model already loaded:

* the whole extraction: ``parse`` (ingest) + ``identify`` (formulas) on each page, then
  ``define`` on batches of 32 pages (``Definer.many``: their sentences in one spaCy stream);
* the define stage alone (on the parsed and identified pages);
* a plain spaCy ``nlp.pipe`` pass (tok2vec, tagger and parser only) over the same plain text
  (``Document.text`` of each page), the reference the extraction must not be slower than;
* the same plain pass with spaCy configured as the define stage runs it (numpy matrix
  products on one BLAS thread instead of BLIS): how much of the lead comes from parsing less
  text rather than from parsing it faster.

Each figure is the best of ``--repeat`` runs, in CPU seconds of this process (wall time is
printed too: on a shared machine it also counts waiting for a core). Usage:
``.venv/bin/python benchmarks/bench_define.py [--data ../shared/data] [--planetmath 300]``

Data: ``ntcir11-wiki/pages-dev.xml`` and ``planetmath-tex.tar.gz`` from the shared data folder
(``--data``, default ``../shared/data`` beside the repository; see benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import os
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from definiens.define import Definer
from definiens.define.nlp import one_blas_thread
from definiens.formulas import identify
from definiens.ingest import parse, read_inputs
from definiens.model import Document
from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parent.parent
#: Documents per define batch (their sentences go through spaCy in one stream), as in a run.
BATCH = 32
DEV_PAGES = "ntcir11-wiki/pages-dev.xml"
PLANETMATH = "planetmath-tex.tar.gz"


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


def _best(repeat: int, work: Callable[[], Any]) -> tuple[float, float]:
    """The best CPU time and the best wall time of ``repeat`` runs of ``work``.

    CPU time is the figure compared: every part runs in this one process, and on a shared
    machine wall time also counts the time spent waiting for a core.
    """
    cpu, wall = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return min(cpu), min(wall)


def _fresh(raw: list[Document]) -> list[Document]:
    return [
        Document(d.id, d.title, d.source, d.format, d.source_text, metadata=dict(d.metadata))
        for d in raw
    ]


def bench(
    name: str, raw: list[Document], plains: tuple[Any, Any], definer: Definer, repeat: int
) -> None:
    done = [identify(parse(d)) for d in _fresh(raw)]
    texts = [d.text for d in done]
    chars = sum(len(t) for t in texts)

    def whole() -> None:
        ready = [identify(parse(document)) for document in _fresh(raw)]
        for start in range(0, len(ready), BATCH):
            definer.many(ready[start : start + BATCH])

    def define_only() -> None:
        for start in range(0, len(done), BATCH):
            definer.many(done[start : start + BATCH])

    def plain() -> None:
        for _ in plains[0].pipe(texts, batch_size=16):
            pass

    def plain_numpy() -> None:
        with one_blas_thread():
            for _ in plains[1].pipe(texts, batch_size=16):
                pass

    t_plain, w_plain = _best(repeat, plain)
    t_numpy, w_numpy = _best(repeat, plain_numpy)
    t_whole, w_whole = _best(repeat, whole)
    t_define, w_define = _best(repeat, define_only)
    n = len(raw)
    print(f"{name}: {n} documents, {chars / 1e6:.2f} M characters of plain text")
    for label, seconds, wall in (
        ("whole extraction (parse+identify+define)", t_whole, w_whole),
        ("define stage alone", t_define, w_define),
        ("plain spaCy nlp.pipe tagger+parser", t_plain, w_plain),
        ("the same, numpy matrix products", t_numpy, w_numpy),
    ):
        rate = n / seconds
        print(f"  {label:<42} {rate:8.1f} pages/CPU-s ({seconds:.2f} CPU-s, {wall:.2f} s wall)")
    print(f"  whole extraction is {t_plain / t_whole:.2f}x the speed of the plain spaCy pass (CPU)")
    print(f"  (wall-clock ratio {w_plain / w_whole:.2f}x; load average {os.getloadavg()[0]:.1f})")
    print(f"  and {t_numpy / t_whole:.2f}x the speed of the plain pass with numpy matrix products")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, DEV_PAGES, PLANETMATH)
    parser.add_argument("--planetmath", type=int, default=300, help="entries (0: skip)")
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs (default 2)")
    args = parser.parse_args()
    needed = [DEV_PAGES, PLANETMATH] if args.planetmath else [DEV_PAGES]
    require(parser, *(args.data / name for name in needed))

    import spacy

    definer = Definer()
    definer.nlp  # load the pipeline and the model before timing  # noqa: B018
    definer.model  # noqa: B018
    from thinc.api import use_ops

    exclude = ["ner", "lemmatizer", "attribute_ruler"]
    plain_nlp = spacy.load(_model_name(), exclude=exclude)
    with use_ops("numpy", use_blis=False):
        numpy_nlp = spacy.load(_model_name(), exclude=exclude)
    plains = (plain_nlp, numpy_nlp)
    print(f"plain pass pipes: {', '.join(plain_nlp.pipe_names)}")
    bench("NTCIR-11 dev pages", _read([args.data / DEV_PAGES]),
          plains, definer, args.repeat)  # fmt: skip
    if args.planetmath:
        with tempfile.TemporaryDirectory() as folder:
            files = _planetmath(args.data / PLANETMATH, Path(folder), args.planetmath)
            bench("PlanetMath sample", _read(files), plains, definer, args.repeat)


def _model_name() -> str:
    import spacy

    from definiens.define.nlp import MODEL_NAMES

    installed = set(spacy.util.get_installed_models())
    return next(name for name in MODEL_NAMES if name in installed)


if __name__ == "__main__":
    main()
