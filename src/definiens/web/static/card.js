/* The meaning card: what an identifier means, how sure that is, where it comes from and the
   sentence it was read from, which is highlighted in the text (CSS Custom Highlight API: no
   change to the DOM).

   Hover or focus shows the card; a click, a tap, Enter or Space pins it until a click or tap
   elsewhere, or Escape. The card is placed beside the text when there is room, else above or
   below the identifier, never over the highlighted sentence when it can be helped. */
"use strict";

Definiens.card = (() => {
  const { el, renderTex, formatScore, certainty, provenance } = Definiens;
  const MAX_MEANINGS = 4;
  const GAP = 8;
  const state = { view: null, target: null, indices: [], pinned: false, hideTimer: 0 };
  const card = () => document.getElementById("card");

  /** The meanings of `tex` in scope `scope` (-1, the default: the whole document's). */
  function meaningsOf(tex, scope = -1) {
    return state.view ? Definiens.scopes.meanings(state.view.doc, tex, scope) : [];
  }

  /** Where identifier `n` reads its meanings at `node`: the scope of its formula there. */
  function scopeAt(node, n) {
    return Definiens.scopes.scopeOfNode(state.view.doc, node, state.view.idents[n].tex);
  }

  /* ---- contents ---- */

  const EMPHASIS = /(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1/g;

  /** A sentence as the define stage gives it (formulas as $tex$), its formulas rendered; in
      a Markdown document, without the marks of emphasis (*word*, **word**). */
  function sentenceNode(sentence) {
    const node = el("q", { class: "d-sentence" });
    const markdown = state.view && state.view.doc.format === "markdown";
    for (const piece of sentence.split(/(\$[^$]+\$)/)) {
      if (/^\$[^$]+\$$/.test(piece)) node.append(renderTex(el("span"), piece.slice(1, -1)));
      else node.append(markdown ? piece.replace(EMPHASIS, "$2") : piece);
    }
    return node;
  }

  function sureBadge(score) {
    const sure = certainty(score);
    return el("span", {
      class: `d-sure d-sure-${sure.level}`,
      title: `how sure: ${formatScore(score)} (0 to 1)`,
      text: `${sure.word} · ${formatScore(score)}`,
    });
  }

  function meaningItem(meaning, previousSentence) {
    const item = el("li", { class: `d-meaning-${certainty(meaning.score).level}` }, [
      el("span", { class: "d-meaning", text: meaning.text }),
      " ",
      sureBadge(meaning.score),
      el("span", { class: "d-from", text: provenance(meaning.method) }),
    ]);
    if (meaning.sentence && meaning.sentence !== previousSentence) {
      item.append(sentenceNode(meaning.sentence));
    }
    return item;
  }

  function identBlock(n, scope) {
    const ident = state.view.idents[n];
    const block = el("div", { class: "d-card-ident" });
    const head = el("div", { class: "d-card-head" }, [renderTex(el("span"), ident.tex)]);
    if (scope >= 0) {
      const where = Definiens.scopes.title(state.view.doc, scope);
      head.append(el("span", { class: "d-scope", text: where ? `in ${where}` : "here" }));
    }
    block.append(head);
    const meanings = meaningsOf(ident.tex, scope).slice(0, MAX_MEANINGS);
    if (meanings.length === 0) {
      block.append(el("p", { class: "d-none", text: "No meaning found in this text." }));
      return block;
    }
    const list = el("ol", { class: "d-meanings" });
    let previous = "";
    for (const meaning of meanings) {
      list.append(meaningItem(meaning, previous));
      previous = meaning.sentence;
    }
    block.append(list);
    return block;
  }

  /* ---- highlighting the sentences ---- */

  function spanRange(meaning, from, to) {
    return meaning[from] >= 0 && meaning[to] > meaning[from] ? state.view.rangeOf(meaning[from], meaning[to]) : null;
  }

  /** The best meaning's sentence (soft), its phrase (strong), the other meanings' phrases. */
  function highlight(meanings) {
    clearHighlight();
    if (!("highlights" in CSS) || meanings.length === 0) return [];
    const [best, ...others] = meanings;
    const sentence = spanRange(best, "sentence_start", "sentence_end");
    const layers = [
      ["definiens-sentence", [sentence], 0],
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
    return sentence ? [...sentence.getClientRects()] : [];
  }

  function clearHighlight() {
    if ("highlights" in CSS) CSS.highlights.clear();
  }

  /* ---- placing the card ---- */

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /** Where the card goes (viewport coordinates): the first place that fits in the window and
      covers neither the identifier nor the highlighted sentence. */
  function place(node, target, avoid) {
    const box = target.getBoundingClientRect();
    const width = node.offsetWidth;
    const height = node.offsetHeight;
    const [vw, vh] = [document.documentElement.clientWidth, window.innerHeight];
    const article = target.closest(".d-article") || document.body;
    const column = article.getBoundingClientRect();
    const clampX = (x) => Math.max(GAP, Math.min(x, vw - width - GAP));
    const clampY = (y) => Math.max(GAP, Math.min(y, vh - height - GAP));
    const lines = avoid.length ? avoid : [box];
    const top = Math.min(box.top, ...lines.map((r) => r.top));
    const bottom = Math.max(box.bottom, ...lines.map((r) => r.bottom));
    const candidates = [
      { x: column.right + GAP, y: clampY(box.top - 12) }, // beside the text
      { x: clampX(box.left - 12), y: box.bottom + GAP },
      { x: clampX(box.left - 12), y: box.top - height - GAP },
      { x: clampX(box.left - 12), y: bottom + GAP },
      { x: clampX(box.left - 12), y: top - height - GAP },
    ];
    const keepClear = [box, ...avoid];
    for (const c of candidates) {
      const rect = { left: c.x, top: c.y, right: c.x + width, bottom: c.y + height };
      const inside = rect.left >= 0 && rect.right <= vw && rect.top >= 0 && rect.bottom <= vh;
      if (inside && !keepClear.some((r) => overlaps(rect, r))) return c;
    }
    // nothing is clear: the bottom or top edge of the window, whichever is farther from it
    const y = box.top > vh / 2 ? GAP : vh - height - GAP;
    return { x: clampX(box.left - 12), y };
  }

  /* ---- showing and hiding ---- */

  function show(target, indices) {
    clearTimeout(state.hideTimer);
    if (state.target && state.target !== target) state.target.removeAttribute("aria-describedby");
    const node = card();
    const shown = indices.filter((n) => state.view.idents[n]).map((n) => [n, scopeAt(target, n)]);
    node.replaceChildren(...shown.map(([n, scope]) => identBlock(n, scope)));
    node.hidden = false;
    node.classList.toggle("d-pinned", state.pinned);
    state.target = target;
    state.indices = indices;
    target.setAttribute("aria-describedby", "card");
    for (const active of document.querySelectorAll(".d-ident.d-active")) active.classList.remove("d-active");
    // the other occurrences of the same symbol with the same meanings (the same scope)
    for (const [n, scope] of shown) {
      for (const same of document.querySelectorAll(`[data-ident="${n}"][data-scope="${scope}"]`)) {
        same.classList.add("d-active");
      }
    }
    const meanings = shown.flatMap(([n, scope]) => meaningsOf(state.view.idents[n].tex, scope));
    state.avoid = highlight(meanings.slice(0, MAX_MEANINGS)).length > 0;
    position();
  }

  /** Put the card by its target, beside the text when the margin there holds a card of 16rem
      at least; again whenever the text moves under it (formulas typeset, blocks laid out). */
  function position() {
    const node = card();
    const target = state.target;
    if (node.hidden || !target || !target.isConnected) return;
    const box = target.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) return; // scrolled away: left where it is
    const vw = document.documentElement.clientWidth;
    const column = (target.closest(".d-article") || document.body).getBoundingClientRect();
    const side = vw - column.right - 2 * GAP;
    node.style.maxWidth = `${side >= 256 ? Math.min(400, side) : Math.min(400, vw - 2 * GAP)}px`;
    const sentence = "highlights" in CSS && CSS.highlights.get("definiens-sentence");
    const avoid = state.avoid && sentence ? [...[...sentence][0].getClientRects()] : [];
    const { x, y } = place(node, target, avoid);
    node.style.left = `${x + window.scrollX}px`;
    node.style.top = `${y + window.scrollY}px`;
  }

  function hide() {
    clearTimeout(state.hideTimer);
    state.pinned = false;
    card().hidden = true;
    if (state.target) state.target.removeAttribute("aria-describedby");
    state.target = null;
    for (const node of document.querySelectorAll(".d-ident.d-active")) node.classList.remove("d-active");
    clearHighlight();
  }

  function hideSoon() {
    if (state.pinned) return;
    clearTimeout(state.hideTimer);
    state.hideTimer = setTimeout(hide, 150);
  }

  function pin(target, indices) {
    state.pinned = true;
    show(target, indices);
  }

  function makeTarget(node, indices) {
    const known = indices.filter((n) => n !== undefined && state.view.idents[n]);
    if (known.length === 0) return;
    node.classList.add("d-ident");
    node.tabIndex = 0;
    if (known.length === 1) {
      node.setAttribute("data-ident", String(known[0]));
      node.setAttribute("data-scope", String(scopeAt(node, known[0])));
    }
    const names = known.map((n) => state.view.idents[n].tex).join(", ");
    const top = known
      .map((n) => (meaningsOf(state.view.idents[n].tex, scopeAt(node, n))[0] || {}).text)
      .filter(Boolean);
    node.setAttribute("aria-label", top.length ? `${names}: ${top.join("; ")}` : names);
    node.addEventListener("pointerenter", (event) => {
      if (event.pointerType === "mouse" && !state.pinned) show(node, known);
    });
    node.addEventListener("pointerleave", (event) => {
      if (event.pointerType === "mouse") hideSoon();
    });
    node.addEventListener("focus", () => {
      if (!state.pinned || state.target !== node) {
        state.pinned = false;
        show(node, known);
      }
    });
    node.addEventListener("blur", () => hideSoon());
    node.addEventListener("click", (event) => {
      event.stopPropagation();
      event.preventDefault(); // an identifier inside a link shows its card; the link waits
      pin(node, known);
    });
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        pin(node, known);
      }
    });
  }

  /** Attach the card to a document view (call once per rendered document). */
  function attach(view) {
    hide();
    state.view = view;
  }

  const text = document.getElementById("text");
  if (text && "ResizeObserver" in window) new ResizeObserver(() => position()).observe(text);
  window.addEventListener("resize", () => position());

  document.addEventListener("pointerdown", (event) => {
    if (!state.pinned) return;
    if (event.target.closest && (event.target.closest("#card") || event.target.closest(".d-ident"))) return;
    hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !card().hidden) hide();
  });

  return { attach, makeTarget, show, pin, hide, meaningsOf, state };
})();
