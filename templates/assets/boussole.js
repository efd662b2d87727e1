// Filters of the boussole: the list of resources follows the checked values, the URL keeps the state
// (shareable, bookmarkable, Back/Forward), and the count is announced to screen readers.
// Within an axis, values add up (or); across axes and types, they narrow down (and).
(function () {
  "use strict";
  var form = document.getElementById("filtres");
  var list = document.getElementById("resultats");
  if (!form || !list || !window.URLSearchParams || !window.history.pushState) return;

  var items = Array.prototype.slice.call(list.children);
  var count = document.getElementById("compte");
  var none = document.getElementById("aucune");
  var names = ["type", "theme"];
  Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-axis]"), function (fieldset) {
    names.push(fieldset.getAttribute("data-axis"));
  });

  function attributeFor(name) {
    if (name === "type") return "data-type";
    if (name === "theme") return "data-themes";
    return "data-axe-" + name;
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

  function query(state) {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      state[name].forEach(function (value) { params.append(name, value); });
    });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "");
  }

  function matches(item, state) {
    return names.every(function (name) {
      if (state[name].length === 0) return true;
      var values = (item.getAttribute(attributeFor(name)) || "").split(" ");
      return state[name].some(function (value) { return values.indexOf(value) !== -1; });
    });
  }

  function show(state) {
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    var total = items.length;
    if (shown === 0) count.textContent = "Aucune ressource ne correspond.";
    else if (shown === total) count.textContent = total + (total > 1 ? " ressources" : " ressource");
    else count.textContent = shown + (shown > 1 ? " ressources correspondent" : " ressource correspond") + " sur " + total + ".";
    none.hidden = shown !== 0;
  }

  function update() {
    var state = readForm();
    show(state);
    var next = query(state);
    if (next !== window.location.pathname + window.location.search) window.history.pushState(null, "", next);
  }

  function clear() {
    form.reset();
    update();
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
  window.addEventListener("popstate", function () {
    var state = readURL();
    writeForm(state);
    show(state);
  });

  form.hidden = false;
  var initial = readURL();
  writeForm(initial);
  show(initial);
})();
