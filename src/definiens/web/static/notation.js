/* The notation table of a document: each identifier, its best meaning, how sure that is and
   where the text states it; an identifier that a section or an environment gives another
   meaning has a row for that scope too. Beside the text, and downloadable as CSV and as
   Markdown. */
"use strict";

Definiens.notation = (() => {
  const { el, formatScore, certainty, provenance } = Definiens;

  /** The place of a meaning: the section it is stated in and the formula nearest to it. */
  function whereOf(view, meaning) {
    const at = meaning.sentence_start >= 0 ? meaning.sentence_start : meaning.text_start;
    if (at < 0) {
      const text = meaning.method === "namespace" ? provenance(meaning.method) : "—";
      return { section: "", formula: -1, text };
    }
    const heading = view.headingAt(at);
    const end = meaning.sentence_end > at ? meaning.sentence_end : at + 1;
    const ident = meaning.identifier;
    const inside = view.byText.filter((f) => f.text_start >= at && f.text_start < end);
    const formula =
      inside.find((f) => f.identifiers.some((i) => i.tex === ident)) ||
      inside[0] ||
      view.byText.find((f) => f.text_start >= at);
    const section = heading ? heading.title : "";
    return { section, formula: formula ? formula.index : -1, text: section || "the text" };
  }

  /** The place of a meaning that holds in scope `scope`: the scope, at the first formula
      that reads the identifier's meanings there. */
  function whereIn(view, tex, scope) {
    const { readingScope, title } = Definiens.scopes;
    const formula = view.byText.find(
      (f) => f.identifiers.some((i) => i.tex === tex) && readingScope(view.doc, f.index, tex) === scope
    );
    const section = title(view.doc, scope);
    return { section, formula: formula ? formula.index : -1, text: section || "the text" };
  }

  /** The rows of scopes that give identifier `tex` a meaning other than the document's
      (`shown`), in document order; a scope inside another that says the same is left out. */
  function scopedRows(view, ident, shown) {
    const { doc } = view;
    const found = Object.keys(doc.scoped || {})
      .map(Number)
      .filter((scope) => doc.scopes[scope] && (doc.scoped[String(scope)][ident.tex] || []).length)
      .map((scope) => ({ ident, scope, meaning: doc.scoped[String(scope)][ident.tex][0] }))
      .filter((r) => r.meaning.text !== shown)
      .sort((a, b) => doc.scopes[a.scope].start - doc.scopes[b.scope].start || a.scope - b.scope);
    const kept = [];
    for (const row of found) {
      const within = (r) => r.meaning.text === row.meaning.text && Definiens.scopes.contains(doc, r.scope, row.scope);
      if (!kept.some(within)) kept.push(row);
    }
    return kept.map((r) => ({ ...r, where: whereIn(view, ident.tex, r.scope) }));
  }

  /** Does some occurrence of `tex` read the document's meanings (no scope of its own)? */
  function readsDocument(view, tex) {
    const { readingScope } = Definiens.scopes;
    return view.byText.some(
      (f) => f.identifiers.some((i) => i.tex === tex) && readingScope(view.doc, f.index, tex) === -1
    );
  }

  /** One row per identifier for its meaning in the document, in order of first use, each
      followed by its rows in scopes that give it another meaning; those without any meaning
      last. */
  function rows(view) {
    const out = view.idents.map((ident) => {
      const documentWide = (view.doc.definitions[ident.tex] || [])[0];
      // the document's meaning is a row when some occurrence reads it (not when every
      // occurrence reads the meaning of its own section)
      const meaning = readsDocument(view, ident.tex) ? documentWide : undefined;
      const own = meaning ? [{ ident, scope: -1, meaning, where: whereOf(view, meaning) }] : [];
      const scoped = scopedRows(view, ident, meaning ? meaning.text : null);
      if (!own.length && !scoped.length && documentWide) {
        own.push({ ident, scope: -1, meaning: documentWide, where: whereOf(view, documentWide) });
      }
      return own.length || scoped.length ? [...own, ...scoped] : [{ ident, scope: -1, meaning: undefined, where: null }];
    });
    return [...out.flat().filter((r) => r.meaning), ...out.flat().filter((r) => !r.meaning)];
  }

  function csvCell(value) {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function toCSV(table) {
    const lines = [
      ["identifier", "meaning", "score", "how sure", "evidence", "section", "formula", "sentence", "holds in"],
    ];
    for (const { ident, scope, meaning, where } of table) {
      lines.push(
        meaning
          ? [ident.tex, meaning.text, formatScore(meaning.score), certainty(meaning.score).word,
            provenance(meaning.method), where.section, where.formula >= 0 ? where.formula + 1 : "",
            meaning.sentence || "", scope >= 0 ? where.section : "the whole text"]
          : [ident.tex, "", "", "", "", "", "", "", ""]
      );
    }
    return lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function mdCell(value) {
    return String(value).replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
  }

  function toMarkdown(view, table) {
    const title = view.doc.title && view.doc.title !== "text" ? view.doc.title : "the text";
    const lines = [`# Notation of ${mdCell(title)}`, "", "| symbol | meaning | how sure | where |", "|---|---|---|---|"];
    for (const { ident, meaning, where } of table) {
      if (!meaning) continue;
      const sure = `${certainty(meaning.score).word} (${formatScore(meaning.score)})`;
      const place = where.formula >= 0 ? `${where.text}, formula ${where.formula + 1}` : where.text;
      lines.push(`| $${mdCell(ident.tex)}$ | ${mdCell(meaning.text)} | ${sure} | ${mdCell(place)} |`);
    }
    const unknown = table.filter((r) => !r.meaning).map((r) => `$${mdCell(r.ident.tex)}$`);
    if (unknown.length) lines.push("", `Without a meaning in the text: ${unknown.join(", ")}`);
    return `${lines.join("\n")}\n`;
  }

  function fileName(view, extension) {
    const base = (view.doc.title && view.doc.title !== "text" ? view.doc.title : "notation")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60);
    return `${base || "notation"}-notation.${extension}`;
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  function row(view, { ident, scope, meaning, where }, lazyTex, reveal) {
    const symbol = el("td", { class: "d-symbol" }, [lazyTex(ident.tex)]);
    if (!meaning) return el("tr", {}, [symbol, el("td", { class: "d-muted", text: "—" }), el("td")]);
    const sure = certainty(meaning.score);
    const what = el("td", {}, [
      el("span", { text: meaning.text }),
      " ",
      el("span", { class: `d-sure d-sure-${sure.level}`, text: sure.word }),
    ]);
    const place = el("td");
    if (where.formula >= 0) {
      const link = el("a", { href: `#formula-${where.formula}`, text: where.text });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        reveal(where.formula, ident.index);
      });
      place.append(link);
    } else {
      place.append(el("span", { class: "d-muted", text: where.text }));
    }
    return el("tr", { "data-scope": String(scope) }, [symbol, what, place]);
  }

  /** Fill `section` (the aside beside the text) with the notation table of `view`. */
  function render(view, section, { lazyTex, reveal }) {
    const table = rows(view);
    const body = section.querySelector("tbody");
    const known = table.filter((r) => r.meaning);
    body.replaceChildren(...known.map((r) => row(view, r, lazyTex, reveal)));
    const rest = table.filter((r) => !r.meaning);
    const others = section.querySelector(".d-unknown");
    others.hidden = rest.length === 0;
    others.querySelector("summary").textContent = `${rest.length} without a meaning in the text`;
    others.querySelector(".d-unknown-list").replaceChildren(
      ...rest.map((r) => el("span", { class: "d-symbol" }, [lazyTex(r.ident.tex)]))
    );
    section.querySelector(".d-notation-empty").hidden = known.length > 0;
    section.querySelector(".d-download-csv").onclick = () =>
      download(fileName(view, "csv"), "text/csv;charset=utf-8", toCSV(table));
    section.querySelector(".d-download-md").onclick = () =>
      download(fileName(view, "md"), "text/markdown;charset=utf-8", toMarkdown(view, table));
    section.hidden = table.length === 0;
  }

  return { render, rows, toCSV, toMarkdown };
})();
