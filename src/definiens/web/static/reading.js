/* The reading view: a document's title, its text (reader.js), the meaning card (card.js) and
   its notation table (notation.js), and going to a formula (#formula-N). Shared by the served
   page (app.js) and the self-contained page that `definiens html` writes (export.js). */
"use strict";

Definiens.reading = (() => {
  const { el, renderTex } = Definiens;
  const $ = (id) => document.getElementById(id);
  const NEIGHBOURS = 40; // formulas typeset around one we go to, so the text does not move
  let current = null;

  /** A symbol for a table, typeset by KaTeX when it comes into view. */
  const symbols = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        symbols.unobserve(entry.target);
        renderTex(entry.target, entry.target.dataset.tex);
      }
    },
    { rootMargin: "400px 0px" }
  );

  function lazyTex(tex) {
    const node = el("span", { class: "d-tex", "data-tex": tex, text: tex });
    symbols.observe(node);
    return node;
  }

  /** Typeset formula `index` and its neighbours, scroll it to the middle of the window and
      pin the card of identifier `ident` there (or of the whole formula). */
  function reveal(index, ident = -1, push = true) {
    const view = current;
    if (!view) return false;
    const node = view.formulaNodes.get(index);
    if (!node) return false;
    const order = view.byText.findIndex((f) => f.index === index);
    for (const formula of view.byText.slice(Math.max(0, order - NEIGHBOURS), order + NEIGHBOURS)) {
      view.typeset(view.formulaNodes.get(formula.index));
    }
    if (push && window.location.hash !== `#formula-${index}`) {
      window.history.pushState(window.history.state, "", `#formula-${index}`);
    }
    node.scrollIntoView({ block: "center" });
    for (const old of document.querySelectorAll(".d-formula.d-target")) old.classList.remove("d-target");
    node.classList.add("d-target");
    const target =
      (ident >= 0 && node.querySelector(`.d-ident[data-ident="${ident}"]`)) || node.querySelector(".d-ident");
    if (target) target.focus({ preventScroll: true });
    // the blocks that came into view are laid out now, and may have moved the formula: look
    // again once that has settled, then pin the card where the formula is
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        node.scrollIntoView({ block: "center" });
        if (target && target.dataset.ident !== undefined) {
          Definiens.card.pin(target, [Number(target.dataset.ident)]);
        }
      })
    );
    return true;
  }

  /** Go to the formula the address names (#formula-N), if any. */
  function revealHash() {
    const match = /^#formula-(\d+)$/.exec(window.location.hash);
    return match ? reveal(Number(match[1]), -1, false) : false;
  }

  /** Marks for the benchmark (benchmarks/bench_browser.py): the time the text was written,
      and the time the formulas of the first screen were typeset. */
  function firstScreen(view) {
    if (view.firstScreen) return;
    view.firstScreen = performance.now();
    performance.measure("definiens-first-typeset", "definiens-written");
    document.documentElement.dataset.firstScreen = String(Math.round(view.firstScreen));
  }

  /** Show `doc` in the reading view; returns the view. `options.images`: show Markdown
      images (the exported page, which sits beside them); the served page names them. */
  function show(doc, options = {}) {
    delete document.documentElement.dataset.firstScreen;
    performance.mark("definiens-show");
    const named = (doc.metadata && typeof doc.metadata.title === "string" && doc.metadata.title) || "";
    const title = doc.title && doc.title !== "text" ? doc.title : named;
    $("doc-title").textContent = title;
    $("doc-title").hidden = !title;
    const view = Definiens.reader.render(doc, $("text"), {
      images: Boolean(options.images),
      makeTarget: Definiens.card.makeTarget,
      onTypeset: firstScreen,
    });
    current = view;
    // a Markdown file whose first line is its "# Title": that heading is the title shown
    const first = view.headings[0];
    const stem = (doc.source || "").replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    if (first && first.at <= 1 && first.node.tagName === "H3" && title && title === stem) {
      $("doc-title").hidden = true;
    }
    Definiens.card.attach(view);
    Definiens.notation.render(view, $("notation"), { lazyTex, reveal });
    $("reading").hidden = false;
    performance.measure("definiens-write", "definiens-show");
    performance.mark("definiens-written");
    if (!revealHash() && options.top !== false) window.scrollTo(0, 0);
    return view;
  }

  window.addEventListener("hashchange", revealHash);

  return { show, reveal, revealHash, current: () => current };
})();
