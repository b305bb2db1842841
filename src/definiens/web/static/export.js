/* The self-contained page that `definiens html` writes: the document is in the page itself
   (the JSON of #definiens-data); nothing is fetched. */
"use strict";

(() => {
  const data = document.getElementById("definiens-data");
  const doc = JSON.parse(data.textContent);
  Definiens.reading.show(doc, { images: true, top: false });
  document.documentElement.dataset.shown = "1";
})();
