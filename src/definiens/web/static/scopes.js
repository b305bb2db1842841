/* Meanings in scope: a document reuses letters (E the kinetic energy in one section, an
   elliptic curve in the next), so each occurrence of an identifier reads its meanings in the
   scope its formula stands in (doc.scopes: sections and theorem-like environments). The
   server gives, for each formula identifier, the `scope` it reads them in, and `doc.scoped`,
   the meanings of the scopes that have their own; elsewhere the document's hold. */
"use strict";

Definiens.scopes = (() => {
  function own(doc, scope, tex) {
    const meanings = scope >= 0 && doc.scoped && doc.scoped[String(scope)];
    return (meanings && meanings[tex]) || null;
  }

  /** The meanings of `tex` in scope `scope` (-1: the whole document): the scope's own when
      it has them, else the document's. */
  function meanings(doc, tex, scope = -1) {
    return own(doc, scope, tex) || doc.definitions[tex] || [];
  }

  /** Where the occurrences of `tex` in formula `index` read their meanings: the scope of the
      formula's identifier when that scope has meanings of its own for it, else -1. */
  function readingScope(doc, index, tex) {
    const formula = doc.formulas[index];
    const ident = formula && formula.identifiers.find((i) => i.tex === tex);
    const scope = ident && Number.isInteger(ident.scope) ? ident.scope : -1;
    return own(doc, scope, tex) ? scope : -1;
  }

  /** The scope an element of the page reads `tex` in: that of the formula it stands in. */
  function scopeOfNode(doc, node, tex) {
    const holder = node.closest ? node.closest("[data-formula]") : null;
    return holder ? readingScope(doc, Number(holder.dataset.formula), tex) : -1;
  }

  /** A scope's name for a reader: a section's heading; an environment's name after the
      heading of the section around it ("Curves › Lemma"). */
  function title(doc, scope) {
    const scopes = doc.scopes || [];
    const here = scopes[scope];
    if (!here) return "";
    if (here.kind === "section") return here.title;
    const around = scopes.filter(
      (s) => s.kind === "section" && s.level < here.level && s.start <= here.start && here.end <= s.end
    );
    around.sort((a, b) => b.level - a.level);
    return around.length ? `${around[0].title} › ${here.title}` : here.title;
  }

  /** Does scope `outer` hold scope `inner` (or is it the same)? */
  function contains(doc, outer, inner) {
    const [a, b] = [doc.scopes[outer], doc.scopes[inner]];
    return outer === inner || (a && b && a.start <= b.start && b.end <= a.end && a.level < b.level);
  }

  return { meanings, readingScope, scopeOfNode, title, contains };
})();
