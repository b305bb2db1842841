/* The served reading page: annotate a pasted text, or open a document of the database by its
   address (/doc/ID, /doc/ID#formula-N); the back button goes back to the previous document. */
"use strict";

(() => {
  const { el, fetchJSON } = Definiens;
  const EXAMPLE =
    "By Einstein, $E = mc^2$, where $E$ is the energy of the body, $m$ is its mass " +
    "and $c$ is the speed of light.";
  const $ = (id) => document.getElementById(id);
  const state = { pasted: null, shown: null };

  function setStatus(text, failed = false) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("d-error", failed);
  }

  function summary(doc) {
    const n = doc.formulas.length;
    const idents = Definiens.reader.collectIdentifiers(doc).length;
    const meant = [doc.definitions, ...Object.values(doc.scoped || {})].flatMap(Object.keys);
    const found = new Set(meant).size;
    return `${n} formula${n === 1 ? "" : "s"}, ${idents} identifiers, ${found} with a meaning.`;
  }

  function show(doc, key) {
    state.shown = key;
    $("input").open = false;
    Definiens.reading.show(doc);
    setStatus(summary(doc));
  }

  function hideReading() {
    state.shown = null;
    Definiens.card.hide();
    $("reading").hidden = true;
    $("input").open = true;
    setStatus("");
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
      state.pasted = doc;
      if (window.location.pathname !== "/" || window.location.hash) {
        window.history.pushState({ pasted: true }, "", "/");
      } else {
        window.history.replaceState({ pasted: true }, "", "/");
      }
      show(doc, "pasted");
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
    selectShown();
  }

  /** The document selector names the document shown, when it lists it. */
  function selectShown() {
    const shown = state.shown && state.shown.startsWith("doc-") ? state.shown.slice(4) : "";
    if (shown && [...$("doc-list").options].some((o) => o.value === shown)) $("doc-list").value = shown;
  }

  async function openDocument(doc) {
    if (state.shown === `doc-${doc}`) {
      if (!Definiens.reading.revealHash()) window.scrollTo(0, 0);
      return;
    }
    setStatus("Opening…");
    const early = window.DefiniensPrefetch;
    window.DefiniensPrefetch = null;
    const started = early && early.doc === String(doc) ? early.response : null;
    try {
      show(await fetchJSON(`/api/documents/${encodeURIComponent(doc)}`, {}, started), `doc-${doc}`);
      selectShown();
      document.title = `${$("doc-title").textContent || "document"} — definiens`;
    } catch (error) {
      state.shown = null;
      $("reading").hidden = true;
      $("input").open = true;
      setStatus(`Could not open document ${doc}: ${error.message}`, true);
    }
  }

  /** Show what the address names: /doc/ID (a database document), or the pasted text. */
  function route() {
    const legacy = new URLSearchParams(window.location.search).get("doc");
    if (legacy && /^\d+$/.test(legacy)) {
      window.history.replaceState(null, "", `/doc/${legacy}${window.location.hash}`);
    }
    const match = /^\/doc\/(\d+)\/?$/.exec(window.location.pathname);
    if (match) return openDocument(match[1]);
    if (window.history.state && window.history.state.pasted && state.pasted) {
      if (state.shown !== "pasted") show(state.pasted, "pasted");
      return undefined;
    }
    hideReading();
    return undefined;
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
      const doc = $("doc-list").value;
      if (!doc) return;
      window.history.pushState(null, "", `/doc/${doc}`);
      openDocument(doc);
    });
    await listDocuments().catch(() => {});
  }

  function start() {
    $("annotate-form").addEventListener("submit", annotate);
    $("example").addEventListener("click", () => {
      $("source").value = EXAMPLE;
      $("format").value = "markdown";
    });
    window.addEventListener("popstate", route);
    setUpDatabase();
    route();
  }

  start();
})();
