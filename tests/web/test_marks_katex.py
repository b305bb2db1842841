"""Every identifier mark keeps the formula renderable by the vendored KaTeX (run under Node).

The page wraps each occurrence as ``{\\htmlData{ident=N}{…}}``; a wrap that cut a group or a
command from its argument would break the formula. This renders every formula of a real page,
marked as app.js marks it, with the KaTeX the server ships.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from definiens.formulas import identify
from definiens.formulas.spans import inner
from definiens.ingest import from_text, parse
from definiens.web.app import STATIC
from definiens.web.payload import occurrence_records

PAGE = Path(__file__).parent.parent / "data" / "web" / "page.wiki"

SCRIPT = r"""
const katex = require(process.argv[2]);
const formulas = JSON.parse(require("fs").readFileSync(0, "utf8"));
const options = (display, marked) => ({
  displayMode: display, throwOnError: true, output: "html", strict: "ignore",
  trust: (context) => marked && context.command === "\\htmlData",
});
function markedTex(f) {
  let out = "", position = 0;
  for (const o of [...f.occurrences].sort((a, b) => a.start - b.start)) {
    if (o.start < position) continue;
    const n = f.identifiers.indexOf(o.identifier);
    const inside = f.tex.slice(o.start, o.end);
    out += f.tex.slice(position, o.start) + `{\\htmlData{ident=${n}}{${inside}}}`;
    position = o.end;
  }
  return out + f.tex.slice(position);
}
const result = {plain: 0, marked: 0, broken: [], marks: 0, occurrences: 0};
for (const f of formulas) {
  try { katex.renderToString(f.tex, options(f.display, false)); } catch (e) { continue; }
  result.plain += 1;
  result.occurrences += f.occurrences.length;
  try {
    const html = katex.renderToString(markedTex(f), options(f.display, true));
    result.marked += 1;
    result.marks += (html.match(/data-ident=/g) || []).length;
  } catch (e) { result.broken.push(f.tex); }
}
console.log(JSON.stringify(result));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run KaTeX")
def test_marked_formulas_of_a_real_page_all_render(tmp_path: Path) -> None:
    document = identify(parse(from_text(PAGE.read_text(encoding="utf-8"), "wikitext")))
    formulas = [
        {
            "tex": f.tex,
            "display": f.display,
            "identifiers": [i.tex for i in f.identifiers],
            "occurrences": occurrence_records(f),
        }
        for f in document.formulas
    ]
    script = tmp_path / "marks.js"
    script.write_text(SCRIPT, encoding="utf-8")
    katex = STATIC / "vendor" / "katex" / "katex.min.js"
    run = subprocess.run(
        ["node", str(script), str(katex)],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(run.stdout)
    assert result["plain"] > 50
    assert result["broken"] == []
    # every occurrence is marked but a running index inside its symbol's mark (the i of x_i:
    # hovering x_i shows x_i)
    nested = sum(
        len(i.spans)
        for f in document.formulas
        for i in f.identifiers
        if i.tex in inner(f.identifiers)
    )
    assert nested > 0
    assert result["marks"] == result["occurrences"] - nested > 100
