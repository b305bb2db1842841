/* The reading page: annotate a text (or open a stored document), render every formula with
   KaTeX, make each identifier occurrence a focusable target whose tooltip lists its meanings and
   highlights the sentence each came from.

   How identifiers are found in the rendered formula: the server sends, for each formula, every
   occurrence of each identifier as a span of the formula's TeX (token-aligned and balanced in
   braces). Each span is wrapped as {\htmlData{ident=N}{...}} before KaTeX renders the TeX, so
   KaTeX itself puts data-ident="N" on exactly the glyphs of that occurrence, however they are
   laid out (subscripts, accents, fractions). N is a number we choose, never user text. If the
   wrapped TeX does not render, the formula is rendered unwrapped and the whole formula becomes
   one target listing all its identifiers. */
"use strict";

(() => {
  const { el, katexOptions, renderTex, unhide, fetchJSON, formatScore } = Definiens;
  const EXAMPLE =
    "By Einstein, $E = mc^2$, where $E$ is the energy of the body, $m$ is its mass " +
    "and $c$ is the speed of light.";
  const MAX_MEANINGS = 4;

  const $ = (id) => document.getElementById(id);
  const state = { doc: null, idents: [], segments: [], hideTimer: 0 };

  /* ---- identifiers and their meanings ---- */

  function collectIdentifiers(doc) {
    const seen = new Map();
    const add = (tex) => {
      if (!seen.has(tex)) seen.set(tex, { tex, index: seen.size, formulas: new Set() });
      return seen.get(tex);
    };
    for (const formula of doc.formulas) {
      for (const ident of formula.identifiers) add(ident.tex).formulas.add(formula.index);
    }
    for (const tex of Object.keys(doc.definitions)) add(tex);
    return [...seen.values()];
  }

  function meaningsOf(tex) {
    return (state.doc && state.doc.definitions[tex]) || [];
  }

  /* ---- formulas ---- */

  function markedTex(formula, indexOf) {
    const occurrences = [...formula.occurrences].sort((a, b) => a.start - b.start);
    let out = "";
    let position = 0;
    for (const occ of occurrences) {
      const n = indexOf.get(occ.identifier);
      if (n === undefined || occ.start < position) continue;
      out += formula.tex.slice(position, occ.start);
      out += `{\\htmlData{ident=${n}}{${formula.tex.slice(occ.start, occ.end)}}}`;
      position = occ.end;
    }
    return out + formula.tex.slice(position);
  }

  function renderFormula(formula, indexOf) {
    const node = el(formula.display ? "div" : "span", {
      class: formula.display ? "formula display" : "formula",
      role: "group",
      "aria-label": `formula: ${formula.tex}`,
      "data-formula": String(formula.index),
    });
    // TeX that uses \html… itself is rendered untrusted: only our own marks may add attributes.
    const mayMark = formula.occurrences.length > 0 && !/\\html/i.test(formula.tex);
    let marked = false;
    if (mayMark) {
      try {
        katex.render(markedTex(formula, indexOf), node, {
          ...katexOptions(formula.display, true),
          throwOnError: true,
        });
        marked = node.querySelector("[data-ident]") !== null;
      } catch (error) {
        marked = false;
      }
    }
    if (!marked) {
      node.replaceChildren();
      katex.render(formula.tex, node, katexOptions(formula.display, false));
      if (formula.identifiers.length > 0) {
        makeTarget(node, formula.identifiers.map((i) => indexOf.get(i.tex)));
      }
    }
    unhide(node);
    for (const target of node.querySelectorAll("[data-ident]")) {
      makeTarget(target, [Number(target.getAttribute("data-ident"))]);
    }
    return node;
  }

  /* ---- the text ---- */

  function renderText(doc, indexOf) {
    const container = $("text");
    container.replaceChildren();
    state.segments = [];
    const formulas = [...doc.formulas].sort((a, b) => a.text_start - b.text_start);
    if (!doc.text) {
      container.append(el("p", { class: "hint", text: "The database keeps no text for this document; here are its formulas." }));
      for (const formula of formulas) container.append(el("p", {}, [renderFormula(formula, indexOf)]));
      return;
    }
    let position = 0;
    const addText = (start, end) => {
      if (end <= start) return;
      const node = document.createTextNode(doc.text.slice(start, end));
      state.segments.push({ node, start, end });
      container.append(node);
    };
    for (const formula of formulas) {
      if (formula.text_start < position || formula.text_end > doc.text.length) continue;
      // a display formula is a block of its own: the line breaks around it are not shown
      let before = formula.text_start;
      while (formula.display && before > position && /\s/.test(doc.text[before - 1])) before -= 1;
      addText(position, before);
      container.append(renderFormula(formula, indexOf));
      position = formula.text_end;
      while (formula.display && position < doc.text.length && /\s/.test(doc.text[position])) {
        position += 1;
      }
    }
    addText(position, doc.text.length);
  }

  /* ---- highlighting a sentence of the text (CSS Custom Highlight API: no DOM change) ---- */

  function rangeOf(start, end) {
    const segs = state.segments;
    const first = segs.find((s) => s.end > start);
    const last = [...segs].reverse().find((s) => s.start < end);
    if (!first || !last || first.start >= end) return null;
    const range = document.createRange();
    range.setStart(first.node, Math.max(0, start - first.start));
    range.setEnd(last.node, Math.min(last.end, end) - last.start);
    return range;
  }

  function spanRange(meaning, from, to) {
    return meaning[from] >= 0 && meaning[to] > meaning[from] ? rangeOf(meaning[from], meaning[to]) : null;
  }

  /** The best meaning's sentence (soft), its phrase (strong), the other meanings' phrases. */
  function highlight(meanings) {
    clearHighlight();
    if (!("highlights" in CSS) || meanings.length === 0) return;
    const [best, ...others] = meanings;
    const layers = [
      ["definiens-sentence", [spanRange(best, "sentence_start", "sentence_end")], 0],
      ["definiens-other", others.map((m) => spanRange(m, "text_start", "text_end")), 1],
      ["definiens-primary", [spanRange(best, "text_start", "text_end")], 2],
    ];
    for (const [name, ranges, priority] of layers) {
      const present = ranges.filter((r) => r !== null);
      if (present.length === 0) continue;
      const layer = new Highlight(...present);
      layer.priority = priority;
      CSS.highlights.set(name, layer);
    }
  }

  function clearHighlight() {
    if ("highlights" in CSS) CSS.highlights.clear();
  }

  /* ---- the tooltip ---- */

  /** A sentence as the define stage gives it (formulas as $tex$), its formulas rendered. */
  function sentenceNode(sentence) {
    const node = el("q", { class: "sentence" });
    for (const piece of sentence.split(/(\$[^$]+\$)/)) {
      if (/^\$[^$]+\$$/.test(piece)) node.append(renderTex(el("span"), piece.slice(1, -1)));
      else node.append(piece);
    }
    return node;
  }

  function meaningItem(meaning, previousSentence) {
    const item = el("li", {}, [
      el("span", { class: "meaning", text: meaning.text }),
      el("span", { class: "score", title: "confidence", text: formatScore(meaning.score) }),
      el("span", { class: "method", text: meaning.method }),
    ]);
    if (meaning.sentence && meaning.sentence !== previousSentence) {
      item.append(sentenceNode(meaning.sentence));
    }
    return item;
  }

  function identBlock(n) {
    const ident = state.idents[n];
    const block = el("div", { class: "tip-ident" });
    const head = el("div", { class: "tip-head" }, [renderTex(el("span"), ident.tex)]);
    block.append(head);
    const meanings = meaningsOf(ident.tex).slice(0, MAX_MEANINGS);
    if (meanings.length === 0) {
      block.append(el("p", { class: "none", text: "No meaning found in this text." }));
      return block;
    }
    const list = el("ol", { class: "meanings" });
    let previous = "";
    for (const meaning of meanings) {
      list.append(meaningItem(meaning, previous));
      previous = meaning.sentence;
    }
    block.append(list);
    return block;
  }

  function showTip(target, indices) {
    clearTimeout(state.hideTimer);
    const tip = $("tooltip");
    tip.replaceChildren(...indices.filter((n) => state.idents[n]).map(identBlock));
    tip.hidden = false;
    target.setAttribute("aria-describedby", "tooltip");
    const box = target.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    tip.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    tip.style.left = `${left}px`;
    // below the identifier, or above it when it would run off the bottom of the window
    const below = box.bottom + 6 + tip.offsetHeight <= window.innerHeight || box.top < tip.offsetHeight + 6;
    const top = below ? box.bottom + 6 : box.top - tip.offsetHeight - 6;
    tip.style.top = `${top + window.scrollY}px`;
    for (const n of indices) {
      for (const same of document.querySelectorAll(`[data-ident="${n}"]`)) same.classList.add("active");
    }
    const meanings = indices.flatMap((n) => (state.idents[n] ? meaningsOf(state.idents[n].tex) : []));
    highlight(meanings.slice(0, MAX_MEANINGS));
  }

  function hideTip(target) {
    state.hideTimer = setTimeout(() => {
      $("tooltip").hidden = true;
      target.removeAttribute("aria-describedby");
      for (const node of document.querySelectorAll(".ident.active")) node.classList.remove("active");
      clearHighlight();
    }, 120);
  }

  function makeTarget(node, indices) {
    const known = indices.filter((n) => n !== undefined && state.idents[n]);
    if (known.length === 0) return;
    node.classList.add("ident");
    node.tabIndex = 0;
    if (known.length === 1) node.setAttribute("data-ident", String(known[0]));
    const names = known.map((n) => state.idents[n].tex).join(", ");
    const top = known.map((n) => (meaningsOf(state.idents[n].tex)[0] || {}).text).filter(Boolean);
    node.setAttribute("aria-label", top.length ? `${names}: ${top.join("; ")}` : names);
    node.addEventListener("mouseenter", () => showTip(node, known));
    node.addEventListener("focus", () => showTip(node, known));
    node.addEventListener("mouseleave", () => hideTip(node));
    node.addEventListener("blur", () => hideTip(node));
    node.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hideTip(node);
    });
  }

  /* ---- the identifier table ---- */

  function renderTable() {
    const body = $("identifiers").tBodies[0];
    body.replaceChildren();
    for (const ident of state.idents) {
      const cell = el("td");
      const tex = renderTex(el("span", { class: "table-ident" }), ident.tex);
      cell.append(tex);
      const meanings = meaningsOf(ident.tex).slice(0, 3);
      const summary = meanings.length
        ? meanings.map((m) => `${m.text} (${formatScore(m.score)})`).join("; ")
        : "—";
      body.append(
        el("tr", {}, [
          cell,
          el("td", { text: summary }),
          el("td", { text: String(ident.formulas.size) }),
        ])
      );
      makeTarget(tex, [ident.index]);
    }
    $("identifiers-section").hidden = state.idents.length === 0;
  }

  /* ---- loading ---- */

  function show(doc) {
    state.doc = doc;
    state.idents = collectIdentifiers(doc);
    const indexOf = new Map(state.idents.map((i) => [i.tex, i.index]));
    const title = doc.title && doc.title !== "text" ? doc.title : "";
    $("doc-title").textContent = title;
    $("doc-title").hidden = !title;
    renderText(doc, indexOf);
    renderTable();
    $("reading").hidden = false;
    const n = doc.formulas.length;
    const found = Object.keys(doc.definitions).length;
    setStatus(`${n} formula${n === 1 ? "" : "s"}, ${state.idents.length} identifiers, ${found} with a meaning.`);
  }

  function setStatus(text, failed = false) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("error", failed);
  }

  async function annotate(event) {
    event.preventDefault();
    const text = $("source").value;
    if (!text.trim()) {
      setStatus("Paste a text first.", true);
      return;
    }
    setStatus("Reading…");
    $("annotate").disabled = true;
    try {
      const doc = await fetchJSON("/api/annotate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, format: $("format").value }),
      });
      show(doc);
    } catch (error) {
      setStatus(`Could not annotate: ${error.message}`, true);
    } finally {
      $("annotate").disabled = false;
    }
  }

  async function listDocuments() {
    const query = encodeURIComponent($("doc-query").value.trim());
    const { documents } = await fetchJSON(`/api/documents?q=${query}&limit=100`);
    $("doc-list").replaceChildren(
      ...documents.map((d) => el("option", { value: String(d.doc), text: d.title }))
    );
  }

  async function openDocument(doc) {
    setStatus("Opening…");
    try {
      show(await fetchJSON(`/api/documents/${encodeURIComponent(doc)}`));
    } catch (error) {
      setStatus(`Could not open the document: ${error.message}`, true);
    }
  }

  async function setUpDatabase() {
    let status;
    try {
      status = await fetchJSON("/api/status");
    } catch (error) {
      return;
    }
    if (!status.database) return;
    $("open-form").hidden = false;
    $("doc-query").addEventListener("input", () => listDocuments().catch(() => {}));
    $("open-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if ($("doc-list").value) openDocument($("doc-list").value);
    });
    await listDocuments().catch(() => {});
    const wanted = new URLSearchParams(window.location.search).get("doc");
    if (wanted) openDocument(wanted);
  }

  function start() {
    $("annotate-form").addEventListener("submit", annotate);
    $("example").addEventListener("click", () => {
      $("source").value = EXAMPLE;
      $("format").value = "markdown";
    });
    setUpDatabase();
  }

  start();
})();
