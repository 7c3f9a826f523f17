// Static search for mirror copies: matches every word of the query against
// the prebuilt index (window.SAMIZDAT_SEARCH), folding Arabic letters to
// Persian ones and ignoring ZWNJ, case and diacritics. No network requests.
(function () {
  "use strict";
  var fold = function (text) {
    return (text || "")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .replace(/\u200c/g, "")
      .replace(/\u0643/g, "\u06a9")
      .replace(/[\u064a\u0649]/g, "\u06cc");
  };
  var run = function () {
    var index = window.SAMIZDAT_SEARCH || [];
    var params = new URLSearchParams(window.location.search);
    var query = (params.get("q") || "").trim();
    var input = document.getElementById("mirror-q");
    var status = document.getElementById("mirror-search-status");
    var results = document.getElementById("mirror-search-results");
    if (input) input.value = query;
    if (!query || !results) return;
    var words = fold(query).split(/\s+/).filter(Boolean);
    var found = index.filter(function (entry) {
      var text = fold(entry.join(" "));
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    }).slice(0, 100);
    status.textContent = found.length ? status.dataset.found : status.dataset.none;
    found.forEach(function (entry) {
      var card = document.createElement("article");
      card.className = "card";
      var title = document.createElement("h3");
      title.className = "card-title";
      var link = document.createElement("a");
      link.href = entry[1];
      link.textContent = entry[0];
      title.appendChild(link);
      card.appendChild(title);
      if (entry[2]) {
        var summary = document.createElement("p");
        summary.className = "standfirst";
        summary.textContent = entry[2];
        card.appendChild(summary);
      }
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [entry[3], entry[4], entry[5]].filter(Boolean).join(" · ");
      card.appendChild(meta);
      results.appendChild(card);
    });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
