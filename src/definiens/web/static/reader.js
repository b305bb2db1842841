/* The document as a document: headings, paragraphs, lists, theorem-like blocks, emphasis and
   its formulas, written into the page from the server's JSON.

   The text comes in one of two layouts (see definiens/web/layout.py): "markdown", which this
   file renders with markdown-it (raw HTML off: it stays text), or "blocks", a tree of spans of
   the plain text. Either way every piece of text is a text node whose offsets in the plain text
   are remembered (`view.segments`), so a sentence can be highlighted later, and each formula
   placeholder becomes a formula node.

   Formulas are typeset by KaTeX only when they come near the screen (IntersectionObserver): a
   chapter with thousands of formulas opens at once. Until then a formula shows its TeX. Each
   identifier occurrence is wrapped as {\htmlData{ident=N}{...}} before KaTeX renders the TeX,
   so KaTeX puts data-ident="N" on exactly its glyphs (N is a number we choose, never user
   text). If the wrapped TeX does not render, the whole formula becomes one target. */
"use strict";

Definiens.reader = (() => {
  const { el, katexOptions, unhide } = Definiens;
  const AHEAD = "800px 0px"; // typeset formulas this far below and above the screen
  const PLACEHOLDER = /FORMULA(\d+)/g;

  function collectIdentifiers(doc) {
    const seen = new Map();
    const add = (tex) => {
      if (!seen.has(tex)) seen.set(tex, { tex, index: seen.size, formulas: [] });
      return seen.get(tex);
    };
    for (const formula of doc.formulas) {
      for (const ident of formula.identifiers) add(ident.tex).formulas.push(formula.index);
    }
    for (const tex of Object.keys(doc.definitions)) add(tex);
    for (const meanings of Object.values(doc.scoped || {})) Object.keys(meanings).forEach(add);
    return [...seen.values()];
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

  function typeset(view, node) {
    if (node.dataset.typeset) return;
    node.dataset.typeset = "1";
    view.observer.unobserve(node);
    const formula = view.doc.formulas[Number(node.dataset.formula)];
    const hadFocus = document.activeElement === node;
    node.replaceChildren();
    // TeX that uses \html… itself is rendered untrusted: only our own marks may add attributes.
    let marked = false;
    if (formula.occurrences.length > 0 && !/\\html/i.test(formula.tex)) {
      try {
        katex.render(markedTex(formula, view.indexOf), node, {
          ...katexOptions(formula.display, true),
          throwOnError: true,
        });
        marked = node.querySelector("[data-ident]") !== null;
      } catch (error) {
        marked = false;
      }
    }
    node.removeAttribute("tabindex");
    if (!marked) {
      node.replaceChildren();
      katex.render(formula.tex, node, katexOptions(formula.display, false));
      if (formula.identifiers.length > 0) {
        view.makeTarget(node, formula.identifiers.map((i) => view.indexOf.get(i.tex)));
      }
    }
    unhide(node);
    for (const target of node.querySelectorAll("[data-ident]")) {
      view.makeTarget(target, [Number(target.getAttribute("data-ident"))]);
    }
    if (hadFocus) (node.querySelector(".d-ident") || node).focus();
  }

  function formulaNode(view, formula) {
    const node = el("span", {
      class: formula.display ? "d-formula d-display" : "d-formula",
      id: `formula-${formula.index}`,
      role: "group",
      "aria-label": `formula: ${formula.tex}`,
      "data-formula": String(formula.index),
    });
    node.append(el("span", { class: "d-tex", text: formula.tex }));
    node.tabIndex = 0; // until typeset: Tab reaches it, and focusing it typesets it
    node.addEventListener("focus", () => typeset(view, node), { once: true });
    view.formulaNodes.set(formula.index, node);
    view.observer.observe(node);
    return node;
  }

  /* ---- text ---- */

  function firstAtOrAfter(items, key, position) {
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (items[mid][key] < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** text[start, end) as text nodes inside their emphasis marks. */
  function writeText(view, parent, start, end) {
    if (end <= start) return;
    const marks = view.marks.filter((m) => m.start < end && m.end > start);
    const cuts = new Set([start, end]);
    for (const m of marks) {
      if (m.start > start) cuts.add(m.start);
      if (m.end < end) cuts.add(m.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      const node = document.createTextNode(view.doc.text.slice(a, b));
      view.segments.push({ node, start: a, end: b });
      let outer = node;
      for (const m of marks) {
        if (m.start <= a && m.end >= b) outer = el(m.type === "strong" ? "strong" : "em", {}, [outer]);
      }
      parent.append(outer);
    }
  }

  /** text[start, end) with its formulas, appended to `parent`. */
  function inline(view, parent, start, end) {
    const formulas = view.byText;
    let position = start;
    for (let i = firstAtOrAfter(formulas, "text_start", start); i < formulas.length; i += 1) {
      const formula = formulas[i];
      if (formula.text_start >= end) break;
      if (formula.text_end > end) break;
      writeText(view, parent, position, formula.text_start);
      parent.append(formulaNode(view, formula));
      position = formula.text_end;
    }
    writeText(view, parent, position, end);
  }

  /** Text that is not (or not exactly) in the plain text: its placeholders still become
      formulas; nothing is remembered for highlighting. */
  function looseText(view, parent, text) {
    let position = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const formula = view.doc.formulas[Number(match[1])];
      if (!formula) continue;
      parent.append(text.slice(position, match.index), formulaNode(view, formula));
      position = match.index + match[0].length;
    }
    parent.append(text.slice(position));
  }

  function headingNode(view, level, start) {
    const node = el(`h${Math.min(6, level + 2)}`, { class: "d-heading" });
    view.headings.push({ at: start, node, title: "" });
    return node;
  }

  /** text[start, end) as one line, its formulas as $TeX$ (a heading's title, for tables). */
  function plainText(view, start, end) {
    const text = view.doc.text.slice(start, end).replace(PLACEHOLDER, (whole, n) => {
      const formula = view.doc.formulas[Number(n)];
      return formula ? `$${formula.tex}$` : whole;
    });
    return text.replace(/\s+/g, " ").trim();
  }

  /* ---- the "blocks" layout ---- */

  function blockNode(view, block) {
    if (block.kind === "quote") return el("blockquote", { class: "d-quote" });
    if (block.kind !== "theorem") return el("div", { class: "d-block" });
    const proof = block.name.replace(/\*$/, "") === "proof";
    const node = el("div", { class: proof ? "d-env d-proof" : "d-env" });
    const note = block.note ? ` (${block.note})` : "";
    node.append(el("p", { class: "d-env-label", text: `${block.label}${note}.` }));
    view.environments.push({ node, label: block.label });
    return node;
  }

  function renderBlocks(view, parent, blocks) {
    for (const block of blocks) {
      if (block.type === "heading") {
        const node = headingNode(view, block.level, block.start);
        inline(view, node, block.start, block.end);
        view.headings[view.headings.length - 1].title = plainText(view, block.start, block.end);
        parent.append(node);
      } else if (block.type === "paragraph") {
        const node = el("p");
        inline(view, node, block.start, block.end);
        parent.append(node);
      } else if (block.type === "list") {
        const node = el(block.ordered ? "ol" : "ul");
        renderBlocks(view, node, block.children);
        parent.append(node);
      } else if (block.type === "item") {
        const node = el("li");
        if (block.label) node.append(el("strong", { class: "d-item-label", text: `${block.label} ` }));
        renderBlocks(view, node, block.children);
        parent.append(node);
      } else if (block.type === "block") {
        const node = blockNode(view, block);
        renderBlocks(view, node, block.children);
        if (node.classList.contains("d-proof")) {
          const last = node.lastElementChild && node.lastElementChild.tagName === "P" ? node.lastElementChild : node;
          last.append(el("span", { class: "d-qed", "aria-hidden": "true", text: "∎" }));
        }
        parent.append(node);
      }
    }
  }

  /* ---- the "markdown" layout ---- */

  function alignedText(view, parent, content) {
    if (!content) return;
    const found = view.doc.text.indexOf(content, view.cursor);
    if (found >= 0 && found - view.cursor <= 4000) {
      inline(view, parent, found, found + content.length);
      view.cursor = found + content.length;
    } else {
      looseText(view, parent, content);
    }
  }

  function imageNode(view, token) {
    const alt = token.children ? token.children.map((t) => t.content).join("") : token.content;
    const src = token.attrGet("src") || "";
    if (view.options.images && /^(https?:|[^:]*$)/i.test(src)) return el("img", { src, alt });
    return el("span", { class: "d-image", role: "img", "aria-label": `image: ${alt}` }, [
      el("span", { class: "d-image-tag", "aria-hidden": "true", text: "image" }),
      ` ${alt || src}`,
    ]);
  }

  function renderInline(view, parent, tokens) {
    const stack = [parent];
    const top = () => stack[stack.length - 1];
    for (const token of tokens) {
      if (token.type === "text") alignedText(view, top(), token.content);
      else if (token.type === "softbreak") top().append("\n");
      else if (token.type === "hardbreak") top().append(el("br"));
      else if (token.type === "code_inline") {
        const code = el("code");
        codeText(view, code, token.content);
        top().append(code);
      } else if (token.type === "image") top().append(imageNode(view, token));
      else if (token.nesting === 1) {
        const node = el(token.tag);
        if (token.tag === "a") {
          node.setAttribute("href", token.attrGet("href") || "#");
          node.setAttribute("rel", "noopener noreferrer nofollow");
        }
        top().append(node);
        stack.push(node);
      } else if (token.nesting === -1 && stack.length > 1) stack.pop();
    }
  }

  /* Code the reader left out of the text (the layout's "source" holds it) is written as it
     is; code the text holds (an indented block) lines up with the text. */
  function codeText(view, parent, content) {
    if (view.codeLeftOut) parent.append(content);
    else alignedText(view, parent, content);
  }

  function renderMarkdown(view, parent, source) {
    const md = window.markdownit({ html: false, linkify: false, typographer: false });
    view.codeLeftOut = Boolean(source);
    const tokens = md.parse(source || view.doc.text, {});
    const stack = [parent];
    const top = () => stack[stack.length - 1];
    for (const token of tokens) {
      if (token.type === "inline") {
        renderInline(view, top(), token.children || []);
      } else if (token.type === "fence" || token.type === "code_block") {
        const code = el("code");
        const content = token.content.replace(/\n$/, "");
        if (token.type === "fence") codeText(view, code, content);
        else alignedText(view, code, content);
        top().append(el("pre", { class: "d-code" }, [code]));
      } else if (token.type === "hr") {
        top().append(el("hr"));
      } else if (token.nesting === 1) {
        let node;
        if (/^h[1-6]$/.test(token.tag)) node = headingNode(view, Number(token.tag[1]), view.cursor);
        else if (token.hidden) node = top(); // the paragraphs of a tight list
        else node = el(token.tag);
        const start = token.attrGet("start");
        if (token.tag === "ol" && start) node.setAttribute("start", start);
        const align = token.attrGet("style");
        if (align) node.classList.add(`d-${align.replace("text-align:", "align-")}`);
        if (node !== top()) top().append(node);
        stack.push(node);
      } else if (token.nesting === -1 && stack.length > 1) {
        const node = stack.pop();
        if (/^h[1-6]$/.test(token.tag)) {
          view.headings[view.headings.length - 1].title = node.textContent.replace(/\s+/g, " ").trim();
        }
      }
    }
  }

  /* ---- typesetting as formulas come near the screen ---- */

  /** Formulas that came near the screen: those on it are typeset at once (then the page
      counts as shown), the others a few at a time, so that the page answers meanwhile. */
  function near(view, entries) {
    const height = window.innerHeight;
    const onScreen = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const box = entry.boundingClientRect;
      if (box.bottom >= 0 && box.top <= height) onScreen.push(entry.target);
      else view.queue.push(entry.target);
    }
    for (const node of onScreen) typeset(view, node);
    if (view.options.onTypeset) view.options.onTypeset(view);
    if (view.queue.length && !view.draining) drain(view);
  }

  function drain(view) {
    view.draining = true;
    const started = performance.now();
    while (view.queue.length && performance.now() - started < 12) typeset(view, view.queue.shift());
    if (view.queue.length) setTimeout(() => drain(view), 0);
    else view.draining = false;
  }

  /* ---- the view ---- */

  /** Write `doc` into `container`; returns the view the card and the notation table use. */
  function render(doc, container, options = {}) {
    const idents = collectIdentifiers(doc);
    const view = {
      doc,
      options,
      idents,
      indexOf: new Map(idents.map((i) => [i.tex, i.index])),
      byText: [...doc.formulas].filter((f) => f.text_start >= 0).sort((a, b) => a.text_start - b.text_start),
      marks: (doc.layout && doc.layout.marks) || [],
      segments: [],
      headings: [],
      environments: [],
      formulaNodes: new Map(),
      queue: [],
      draining: false,
      cursor: 0,
      makeTarget: options.makeTarget || (() => {}),
    };
    view.observer = new IntersectionObserver((entries) => near(view, entries), { rootMargin: AHEAD });
    container.replaceChildren();
    const layout = doc.layout || { kind: "markdown" };
    if (!doc.text) {
      container.append(el("p", { class: "d-hint", text: "This document has no text; here are its formulas." }));
      for (const formula of doc.formulas) container.append(el("p", {}, [formulaNode(view, formula)]));
    } else if (layout.kind === "markdown" && window.markdownit) {
      renderMarkdown(view, container, layout.source);
    } else if (layout.kind === "blocks") {
      renderBlocks(view, container, layout.blocks);
    } else {
      renderBlocks(view, container, [{ type: "paragraph", start: 0, end: doc.text.length }]);
    }
    view.segments.sort((a, b) => a.start - b.start);
    view.typeset = (node) => typeset(view, node);
    view.rangeOf = (start, end) => rangeOf(view, start, end);
    view.headingAt = (position) => headingAt(view, position);
    return view;
  }

  /** A DOM range over text[start, end), or null when no text node holds it. */
  function rangeOf(view, start, end) {
    const segs = view.segments;
    const i = firstAtOrAfter(segs, "end", start + 1);
    if (i >= segs.length || segs[i].start >= end) return null;
    let j = i;
    while (j + 1 < segs.length && segs[j + 1].start < end) j += 1;
    const range = document.createRange();
    range.setStart(segs[i].node, Math.max(0, start - segs[i].start));
    range.setEnd(segs[j].node, Math.min(segs[j].end, end) - segs[j].start);
    return range;
  }

  /** The heading whose section holds text offset `position`, or null. */
  function headingAt(view, position) {
    let found = null;
    for (const heading of view.headings) {
      if (heading.at > position) break;
      found = heading;
    }
    return found;
  }

  return { render, collectIdentifiers };
})();
