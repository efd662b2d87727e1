// Filters of the boussole. The page shows the first resources; once a filter is used (or a shared URL holds one),
// the data of every resource is loaded (/boussole/donnees.json, once) and the list follows the checked values, a
// page at a time, with the cards of the search index. The URL keeps the state (shareable, Back/Forward), and the
// count is announced to screen readers. Within an axis, values add up (or); across axes and types, they narrow down.
(function () {
  "use strict";
  var form = document.getElementById("filtres");
  var list = document.getElementById("resultats");
  var cartes = window.AtelierCartes;
  if (!form || !list || !cartes || !window.fetch || !window.URLSearchParams || !window.history.pushState) return;

  var count = document.getElementById("compte");
  var none = document.getElementById("aucune");
  var more = document.getElementById("boussole-suite");
  var initialCount = count.textContent;
  var names = ["type", "theme"];
  Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-axis]"), function (fieldset) {
    names.push(fieldset.getAttribute("data-axis"));
  });

  var data = null;
  var loading = null;
  var found = [];
  var shown = 0;
  var current = 0;

  function load() {
    if (!loading) {
      loading = cartes.json(list.getAttribute("data-donnees")).then(function (raw) {
        var numbers = cartes.numbers(raw.items);
        var items = [];
        for (var at = 0; at < numbers.length;) {
          var item = { document: numbers[at], kind: raw.kinds[numbers[at + 1]], masks: numbers.slice(at + 2, at + 2 + raw.groups) };
          at += 2 + raw.groups;
          item.themes = numbers.slice(at + 1, at + 1 + numbers[at]).map(function (n) { return raw.themes[n]; });
          at += 1 + numbers[at];
          items.push(item);
        }
        var bits = {};
        raw.values.forEach(function (value, bit) { bits[value] = bit; });
        data = { raw: raw, items: items, bits: bits };
      });
    }
    return loading;
  }

  function readForm() {
    var state = {};
    names.forEach(function (name) { state[name] = []; });
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!state[field.name]) return;
      if ((field.type === "checkbox" && field.checked) || (field.tagName === "SELECT" && field.value)) {
        state[field.name].push(field.value);
      }
    });
    return state;
  }

  function readURL() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    names.forEach(function (name) {
      state[name] = [];
      params.getAll(name).forEach(function (value) {
        value.split(",").forEach(function (part) { if (part) state[name].push(part); });
      });
    });
    return state;
  }

  function writeForm(state) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!state[field.name]) return;
      if (field.type === "checkbox") field.checked = state[field.name].indexOf(field.value) !== -1;
      if (field.tagName === "SELECT") field.value = state[field.name][0] || "";
    });
  }

  function isEmpty(state) {
    return names.every(function (name) { return state[name].length === 0; });
  }

  function query(state) {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      state[name].forEach(function (value) { params.append(name, value); });
    });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "");
  }

  function hasValue(item, axis, value) {
    var bit = data.bits[axis + ":" + value];
    if (bit === undefined) return false;
    return (item.masks[Math.floor(bit / 30)] & (1 << (bit % 30))) !== 0;
  }

  function matches(item, state) {
    return names.every(function (name) {
      var wanted = state[name];
      if (wanted.length === 0) return true;
      if (name === "type") return wanted.indexOf(item.kind) !== -1;
      if (name === "theme") return wanted.some(function (theme) { return item.themes.indexOf(theme) !== -1; });
      return wanted.some(function (value) { return hasValue(item, name, value); });
    });
  }

  function done(asked) {
    if (asked === current) list.setAttribute("aria-busy", "false");
  }

  function showMore(append) {
    var asked = current;
    var ids = found.slice(shown, shown + data.raw.page);
    list.setAttribute("aria-busy", "true");
    return cartes.cards(data.raw.index, data.raw.chunk, ids).then(function (html) {
      if (asked !== current) return;
      cartes.show(list, html, append);
      shown += ids.length;
      if (more) more.hidden = shown >= found.length;
      done(asked);
    });
  }

  function show(state) {
    var asked = ++current;
    list.setAttribute("aria-busy", "true");
    return load().then(function () {
      if (asked !== current) return;
      found = data.items.filter(function (item) { return matches(item, state); })
        .map(function (item) { return item.document; });
      var total = data.items.length;
      if (found.length === 0) count.textContent = "Aucune ressource ne correspond.";
      else if (isEmpty(state)) count.textContent = initialCount;
      else count.textContent = cartes.number(found.length) + (found.length > 1 ? " ressources correspondent" : " ressource correspond") + " sur " + cartes.number(total) + ".";
      none.hidden = found.length !== 0;
      shown = 0;
      if (found.length === 0) {
        list.textContent = "";
        if (more) more.hidden = true;
        done(asked);
        return;
      }
      return showMore(false);
    });
  }

  function update() {
    var state = readForm();
    show(state);
    var next = query(state);
    if (next !== window.location.pathname + window.location.search) window.history.pushState(null, "", next);
  }

  form.addEventListener("change", update);
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type === "checkbox") field.checked = false;
      if (field.tagName === "SELECT") field.value = "";
    });
    update();
  });
  none.querySelector("[data-reset]").addEventListener("click", function () {
    form.querySelector("button[type=reset]").click();
    form.querySelector("input, select").focus();
  });
  if (more) {
    more.addEventListener("click", function () {
      if (data) showMore(true);
      else show(readForm()).then(function () { return showMore(true); });
    });
  }
  window.addEventListener("popstate", function () {
    var state = readURL();
    writeForm(state);
    show(state);
  });

  form.hidden = false;
  if (more) more.hidden = false;
  var initial = readURL();
  writeForm(initial);
  if (!isEmpty(initial)) show(initial);
})();
