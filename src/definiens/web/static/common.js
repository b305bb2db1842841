/* Helpers shared by the pages. User data only ever goes into the page through textContent,
   attributes set with setAttribute on elements we create, or KaTeX (which escapes its input). */
"use strict";

const Definiens = (() => {
  /** Create an element; text is set with textContent, never parsed as HTML. */
  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  /** KaTeX options: no command that could add links, images, classes or styles; only our
      \htmlData marks (data-* attributes) when `marked` is true. */
  function katexOptions(display, marked) {
    return {
      displayMode: display,
      throwOnError: false,
      output: "html",
      strict: "ignore",
      maxSize: 50,
      maxExpand: 500,
      trust: (context) => marked && context.command === "\\htmlData",
    };
  }

  /** Render TeX into `node`; on failure show the TeX itself as text. */
  function renderTex(node, tex, display = false) {
    try {
      katex.render(tex, node, katexOptions(display, false));
    } catch (error) {
      node.textContent = tex;
    }
    unhide(node);
    return node;
  }

  /** KaTeX hides its HTML from screen readers when it also writes MathML; we write only HTML,
      labelled by the TeX, so the focusable identifiers inside must not be aria-hidden. */
  function unhide(node) {
    for (const hidden of node.querySelectorAll(".katex-html[aria-hidden]")) {
      hidden.removeAttribute("aria-hidden");
    }
  }

  /** The JSON of a fetch (or of the `response` promise of one already started); an answer
      that is not 2xx throws an Error with its status and the server's detail. */
  async function fetchJSON(url, options = {}, response = null) {
    response = await (response || fetch(url, options));
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
      const failure = new Error(`${response.status}: ${detail}`);
      failure.status = response.status;
      throw failure;
    }
    return body;
  }

  function formatScore(score) {
    return Number(score).toFixed(2);
  }

  /** How sure a meaning is, in words, from its (calibrated) score: a probability. */
  function certainty(score) {
    const value = Number(score);
    if (value >= 0.7) return { word: "likely", level: "high" };
    if (value >= 0.4) return { word: "maybe", level: "mid" };
    return { word: "unsure", level: "low" };
  }

  /** Where a meaning comes from, in plain words (the define stage's `method`). */
  const PROVENANCE = {
    pattern: "stated in the text",
    link: "from a link",
    namespace: "usual in documents like this one",
    noun_phrase: "inferred from how it is used",
    head_lemma: "inferred from how it is used",
    concept: "inferred from how it is used",
  };

  function provenance(method) {
    return PROVENANCE[method] || "inferred from how it is used";
  }

  return { el, katexOptions, renderTex, unhide, fetchJSON, formatScore, certainty, provenance };
})();
