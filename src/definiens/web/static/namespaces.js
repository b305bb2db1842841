/* The namespaces page: each namespace of the database with its identifier table. */
"use strict";

(() => {
  const { el, renderTex, fetchJSON, formatScore } = Definiens;

  function emptyState(message, command) {
    const note = el("p", { class: "empty", text: message });
    if (command) note.append(" ", el("code", { text: command }));
    return el("section", { class: "namespace" }, [note]);
  }

  function namespaceTable(namespace) {
    const rows = namespace.identifiers.map((row) =>
      el("tr", {}, [
        el("td", {}, [renderTex(el("span"), row.identifier)]),
        el("td", { text: row.definiens }),
        el("td", { class: "num", text: formatScore(row.score) }),
        el("td", { class: "num", text: String(row.documents) }),
      ])
    );
    const head = el("tr", {}, [
      el("th", { scope: "col", text: "identifier" }),
      el("th", { scope: "col", text: "meaning" }),
      el("th", { scope: "col", class: "num", text: "score" }),
      el("th", { scope: "col", class: "num", text: "documents" }),
    ]);
    return el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function namespaceSection(namespace) {
    const section = el("section", { class: "namespace" }, [el("h2", { text: namespace.name })]);
    if (namespace.description) section.append(el("p", { class: "hint", text: namespace.description }));
    section.append(
      namespace.identifiers.length
        ? namespaceTable(namespace)
        : el("p", { class: "empty", text: "No identifiers in this namespace." })
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
        : [emptyState("The database has no namespaces yet. Find them with", "definiens namespaces --db RESULTS")])
    );
  }

  start();
})();
