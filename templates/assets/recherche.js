// Search in the index generated at build time: every word typed must appear (accents and case ignored) in a
// resource's title, summary, themes or text; title matches come first. The query stays in the URL (?q=).
(function () {
  "use strict";
  var form = document.getElementById("recherche");
  var input = document.getElementById("q");
  var count = document.getElementById("recherche-compte");
  var list = document.getElementById("recherche-resultats");
  if (!form || !window.fetch || !window.URLSearchParams) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (word) { return word.length > 0; });
  }

  var items = [];

  function score(item, query) {
    var total = 0;
    for (var i = 0; i < query.length; i += 1) {
      var word = query[i];
      if (item.title.indexOf(word) !== -1) total += 10;
      else if (item.tags.indexOf(word) !== -1) total += 5;
      else if (item.summary.indexOf(word) !== -1) total += 3;
      else if (item.text.indexOf(word) !== -1) total += 1;
      else return 0;
    }
    return total;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(text) {
    var query = words(text);
    list.textContent = "";
    if (query.length === 0) {
      count.textContent = "";
      return;
    }
    var found = items.map(function (item) { return { item: item, score: score(item, query) }; })
      .filter(function (result) { return result.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.item.entry.title.localeCompare(b.item.entry.title, "fr"); });
    count.textContent = found.length === 0 ? "Aucune ressource ne contient « " + text + " »."
      : found.length + (found.length > 1 ? " ressources trouvées." : " ressource trouvée.");
    found.forEach(function (result) {
      var entry = result.item.entry;
      var card = element("article", "card");
      card.appendChild(element("p", "kind", entry.kind));
      var title = element("h2");
      var link = element("a", null, entry.title);
      link.href = entry.url;
      title.appendChild(link);
      card.appendChild(title);
      card.appendChild(element("p", null, entry.summary));
      card.appendChild(element("p", "meta", entry.date));
      var li = element("li");
      li.appendChild(card);
      list.appendChild(li);
    });
  }

  function update() {
    var text = input.value.trim();
    var next = window.location.pathname + (text ? "?q=" + encodeURIComponent(text) : "");
    window.history.replaceState(null, "", next);
    show(text);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  input.addEventListener("input", update);

  fetch(form.getAttribute("data-index")).then(function (response) { return response.json(); }).then(function (data) {
    items = data.map(function (entry) {
      return { entry: entry, title: fold(entry.title), summary: fold(entry.summary),
               tags: entry.tags.map(fold).join(" "), text: fold(entry.text) };
    });
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    show(input.value.trim());
  });
})();
