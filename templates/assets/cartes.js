// Shared by the search and the boussole: numbers written in Atelier's compact form (base-32 digits in 64 symbols,
// the last 32 ending a number), and resources' cards, read from the search index's chunks (each file fetched once).
(function () {
  "use strict";
  var SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var i = 0; i < SYMBOLS.length; i += 1) DIGIT[SYMBOLS.charAt(i)] = i;

  function numbers(text) {
    var values = [];
    var value = 0;
    for (var j = 0; j < text.length; j += 1) {
      var digit = DIGIT[text.charAt(j)];
      if (digit < 32) value = value * 32 + digit;
      else { values.push(value * 32 + digit - 32); value = 0; }
    }
    return values;
  }

  var files = {};
  function json(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url);
        return response.json();
      });
    }
    return files[url];
  }

  // The cards (HTML written by the site's own card template) of documents `ids`, in that order.
  function cards(base, chunkSize, ids) {
    return Promise.all(ids.map(function (id) {
      return json(base + "d/" + Math.floor(id / chunkSize) + ".json").then(function (chunk) { return chunk[id % chunkSize]; });
    }));
  }

  // Cards shown as list items, replacing or following what the list holds.
  function show(list, html, append) {
    if (!append) list.textContent = "";
    html.forEach(function (card) {
      var item = document.createElement("li");
      item.innerHTML = card;
      list.appendChild(item);
    });
  }

  function digit(symbol) { return DIGIT[symbol]; }

  // « 10 000 », thousands set apart by a narrow no-break space, as the site writes its counts.
  function number(value) { return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f"); }

  window.AtelierCartes = { numbers: numbers, digit: digit, number: number, json: json, cards: cards, show: show };
})();
