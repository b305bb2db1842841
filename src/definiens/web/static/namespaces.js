/* The namespaces page: each namespace of the database with its identifier table. */
"use strict";

(() => {
  const { el, renderTex, fetchJSON, formatScore } = Definiens;

  function emptyState(message, command, more) {
    const note = el("p", { class: "d-empty", text: message });
    if (command) note.append(" ", el("code", { text: command }));
    const section = el("section", { class: "d-namespace" }, [note]);
    if (more) section.append(el("p", { class: "d-empty", text: more }));
    return section;
  }

  /* The database cannot tell whether `definiens namespaces` ran and kept no cluster, or never
     ran: the note says both, and what makes a cluster a namespace. */
  const NONE = emptyState(
    "This database has no namespaces. If you have not looked for them yet, run",
    "definiens namespaces --db RESULTS",
    "If you have, it found no namespace: a cluster of documents becomes a namespace only when " +
      "it has 5 documents or more and they give their identifiers the same meanings more " +
      "consistently than the rest of the corpus does (its coherence). Too few documents, or " +
      "documents that share no notation, give clusters but no namespace."
  );

  function namespaceTable(namespace) {
    const rows = namespace.identifiers.map((row) =>
      el("tr", {}, [
        el("td", {}, [renderTex(el("span"), row.identifier)]),
        el("td", { text: row.definiens }),
        el("td", { class: "d-num", text: formatScore(row.score) }),
        el("td", { class: "d-num", text: String(row.documents) }),
      ])
    );
    const head = el("tr", {}, [
      el("th", { scope: "col", text: "identifier" }),
      el("th", { scope: "col", text: "meaning" }),
      el("th", { scope: "col", class: "d-num", text: "score" }),
      el("th", { scope: "col", class: "d-num", text: "documents" }),
    ]);
    return el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function namespaceSection(namespace) {
    const section = el("section", { class: "d-namespace" }, [el("h2", { text: namespace.name })]);
    if (namespace.label) {
      const purity = namespace.purity == null ? "" : ` (purity ${namespace.purity.toFixed(2)})`;
      section.append(el("p", { class: "d-label", text: `Label: ${namespace.label}${purity}` }));
    }
    if (namespace.description) section.append(el("p", { class: "d-hint", text: namespace.description }));
    section.append(
      namespace.identifiers.length
        ? namespaceTable(namespace)
        : el("p", { class: "d-empty", text: "No identifiers in this namespace." })
    );
    return section;
  }

  async function start() {
    const status = document.getElementById("status");
    const list = document.getElementById("namespaces");
    let namespaces;
    try {
      ({ namespaces } = await fetchJSON("/api/namespaces"));
    } catch (error) {
      status.textContent = "";
      list.replaceChildren(
        error.status === 503
          ? emptyState("No results database is open. Start the server with", "definiens serve --db RESULTS")
          : emptyState(`Could not load the namespaces: ${error.message}`)
      );
      return;
    }
    status.textContent = `${namespaces.length} namespace${namespaces.length === 1 ? "" : "s"}.`;
    list.replaceChildren(
      ...(namespaces.length
        ? namespaces.map(namespaceSection)
        : [NONE])
    );
  }

  start();
})();
