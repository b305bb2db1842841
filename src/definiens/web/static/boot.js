/* Loaded first, not deferred: starts fetching the document the address names (/doc/ID) while
   KaTeX and the page's other scripts load; app.js takes the answer. */
"use strict";

window.DefiniensPrefetch = (() => {
  const match = /^\/doc\/(\d+)\/?$/.exec(window.location.pathname);
  return match ? { doc: match[1], response: fetch(`/api/documents/${match[1]}`) } : null;
})();
