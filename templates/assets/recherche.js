// Search in the index built with the site (/recherche/index/), loading only what a query needs: the list of shards,
// then for each word the shard that holds it (and, for a word of four letters or more, those of the words it
// begins), then the cards of the results shown. Every word must match; a match in the title or a theme ranks first,
// then in the summary, then in the text; recent resources first among equals. The query stays in the URL (?q=).
(function () {
  "use strict";
  var form = document.getElementById("recherche");
  var input = document.getElementById("q");
  var count = document.getElementById("recherche-compte");
  var heading = document.getElementById("recherche-titre");
  var list = document.getElementById("recherche-resultats");
  var more = document.getElementById("recherche-suite");
  var cartes = window.AtelierCartes;
  if (!form || !cartes || !window.fetch || !window.URLSearchParams || !String.prototype.normalize) return;
  var base = form.getAttribute("data-index");
  var PAGE = 10;
  var meta = null;
  var found = [];
  var shown = 0;
  var current = 0;

  function fold(text) {
    var folds = meta.folds;
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/./gu, function (c) {
      return Object.prototype.hasOwnProperty.call(folds, c) ? folds[c] : c;
    }).toLowerCase();
  }

  function words(text) {
    var seen = {};
    return fold(text).split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (word) {
      if (word.length < 2 || word.length > 40 || seen[word]) return false;
      seen[word] = true;
      return true;
    });
  }

  // The shard holding `word` (the longest key it starts with) and, for a prefix, the shards of longer keys: at most
  // PREFIX_SHARDS of them, so that a short prefix of many words does not load a large part of the index (its words
  // are then found whole, and in its own shard).
  var PREFIX_SHARDS = 4;
  function shardsFor(word) {
    var keys = meta.shards;
    var best = -1;
    var wanted = [];
    for (var i = 0; i < keys.length; i += 1) {
      if (word.indexOf(keys[i]) === 0 && (best < 0 || keys[i].length > keys[best].length)) best = i;
      if (word.length >= 4 && keys[i].length > word.length && keys[i].indexOf(word) === 0) wanted.push(i);
    }
    if (wanted.length > PREFIX_SHARDS) wanted = [];
    return best < 0 ? wanted : [best].concat(wanted);
  }

  // A shard's file is named after its key: letters and digits as they are, anything else in hexadecimal.
  function shardName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    return "x" + Array.prototype.map.call(new TextEncoder().encode(key), function (byte) {
      return (byte < 16 ? "0" : "") + byte.toString(16);
    }).join("");
  }

  // Document → weight of its best field for this word: 3 a title or theme, 2 the summary, 1 the text.
  function matches(word, shards) {
    var weights = {};
    shards.forEach(function (terms) {
      Object.keys(terms).forEach(function (term) {
        if (term !== word && !(word.length >= 4 && term.indexOf(word) === 0)) return;
        var documentNumber = -1;
        cartes.numbers(terms[term]).forEach(function (value) {
          documentNumber += (value >> 3) + 1;
          var weight = value & 1 ? 3 : value & 2 ? 2 : 1;
          if (!(weights[documentNumber] >= weight)) weights[documentNumber] = weight;
        });
      });
    });
    return weights;
  }

  function rank(id) {
    return cartes.digit(meta.recency.charAt(id * 2)) * 64 + cartes.digit(meta.recency.charAt(id * 2 + 1));
  }

  function search(text) {
    var query = words(text);
    var asked = ++current;
    if (query.length === 0) return Promise.resolve(null);
    return Promise.all(query.map(function (word) {
      return Promise.all(shardsFor(word).map(function (n) { return cartes.json(base + "t/" + shardName(meta.shards[n]) + ".json"); }))
        .then(function (shards) { return matches(word, shards); });
    })).then(function (perWord) {
      if (asked !== current) return null;
      var scores = perWord[0];
      var results = Object.keys(scores).map(Number).filter(function (id) {
        return perWord.every(function (weights) { return weights[id] !== undefined; });
      }).map(function (id) {
        return { id: id, score: perWord.reduce(function (sum, weights) { return sum + weights[id]; }, 0), rank: rank(id) };
      });
      results.sort(function (a, b) { return b.score - a.score || a.rank - b.rank || a.id - b.id; });
      return results.map(function (result) { return result.id; });
    });
  }

  // The list says it is busy from a change of the query until the results of the last query are shown.
  function done(asked) {
    if (asked === current) list.setAttribute("aria-busy", "false");
  }

  function showMore(append) {
    var ids = found.slice(shown, shown + PAGE);
    var asked = current;
    list.setAttribute("aria-busy", "true");
    return cartes.cards(base, meta.chunk, ids).then(function (html) {
      if (asked !== current) return;
      cartes.show(list, html, append);
      shown += ids.length;
      more.hidden = shown >= found.length;
      done(asked);
    });
  }

  function show(text) {
    if (words(text).length === 0) {
      current += 1;
      list.textContent = "";
      count.textContent = "";
      heading.hidden = true;
      more.hidden = true;
      done(current);
      return;
    }
    search(text).then(function (ids) {
      if (ids === null) return;
      found = ids;
      shown = 0;
      heading.hidden = found.length === 0;
      count.textContent = found.length === 0 ? "Aucune ressource ne contient « " + text + " »."
        : cartes.number(found.length) + (found.length > 1 ? " ressources trouvées." : " ressource trouvée.");
      if (found.length > 0) return showMore(false);
      list.textContent = "";
      more.hidden = true;
      done(current);
    });
  }

  function update() {
    var text = input.value.trim();
    list.setAttribute("aria-busy", "true");
    window.history.replaceState(null, "", window.location.pathname + (text ? "?q=" + encodeURIComponent(text) : ""));
    start().then(function () { show(text); });
  }

  var loading = null;
  function start() {
    if (!loading) loading = cartes.json(base + "meta.json").then(function (data) { meta = data; });
    return loading;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  input.addEventListener("input", update);
  more.addEventListener("click", function () { showMore(true); });

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  if (input.value.trim()) update();
})();
