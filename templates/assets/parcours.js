// The steps of a path, with JavaScript: a box to check on each step done, the progress (« 3 étapes sur 7 »), kept
// in this browser only (localStorage, nothing sent anywhere) and which can be cleared, and the choice of a selection
// of steps (« 2 h ») which shows only its steps, counts them, and links each shown step to the shown ones around it.
// Without JavaScript the page is a plain ordered list of every step.
(function () {
  "use strict";
  var section = document.querySelector(".parcours[data-cle]");
  if (!section) return;

  var key = section.getAttribute("data-cle");
  var tools = section.querySelector(".parcours-outils");
  var progress = section.querySelector(".progression");
  var steps = Array.prototype.slice.call(section.querySelectorAll(".etapes > li"));
  var choices = Array.prototype.slice.call(section.querySelectorAll('input[name="choix-etapes"]'));

  function boxOf(step) { return step.querySelector(".etape-faite input"); }

  function readDone() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return [];  // storage refused (private browsing) or damaged: progress lasts as long as the page
    }
  }

  function saveDone() {
    var done = steps.filter(function (step) { return boxOf(step).checked; }).map(function (step) { return step.value; });
    try {
      if (done.length) window.localStorage.setItem(key, JSON.stringify(done));
      else window.localStorage.removeItem(key);
    } catch (error) { /* kept on the page only */ }
  }

  function shown() { return steps.filter(function (step) { return !step.hidden; }); }

  // « 0 étape sur 7 », « 3 étapes sur 7 », as the page writes it before any step is done.
  function showProgress() {
    var visible = shown();
    var done = visible.filter(function (step) { return boxOf(step).checked; }).length;
    progress.textContent = done + (done > 1 ? " étapes" : " étape") + " sur " + visible.length;
  }

  // Each shown step leads to the shown steps before and after it.
  function linkNeighbours() {
    var visible = shown();
    visible.forEach(function (step, index) {
      setNeighbour(step.querySelector("[data-precedente]"), visible[index - 1]);
      setNeighbour(step.querySelector("[data-suivante]"), visible[index + 1]);
    });
  }

  function setNeighbour(link, target) {
    if (!link) return;
    link.hidden = !target;
    if (!target) return;
    link.setAttribute("href", "#" + target.id);
    link.querySelector(".visuellement-cache").textContent = " : " + target.querySelector("h3").textContent;
  }

  function choose(value) {
    var chosen = value ? value.split(" ") : null;
    steps.forEach(function (step) {
      step.hidden = chosen !== null && chosen.indexOf(String(step.value)) === -1;
    });
    linkNeighbours();
    showProgress();
  }

  function chosenValue() {
    var checked = choices.filter(function (choice) { return choice.checked; })[0];
    return checked ? checked.value : "";
  }

  // A link to a step that the chosen selection hides shows every step again.
  function revealTarget() {
    var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (!target || !target.hidden || steps.indexOf(target) === -1) return;
    choices.forEach(function (choice) { choice.checked = choice.value === ""; });
    choose("");
    target.scrollIntoView();
  }

  var done = readDone().map(String);
  steps.forEach(function (step) {
    var box = boxOf(step);
    box.checked = done.indexOf(String(step.value)) !== -1;
    box.addEventListener("change", function () {
      saveDone();
      showProgress();
    });
    step.querySelector(".etape-faite").hidden = false;
  });
  choices.forEach(function (choice) {
    choice.addEventListener("change", function () { choose(chosenValue()); });
  });
  section.querySelector("[data-effacer]").addEventListener("click", function () {
    steps.forEach(function (step) { boxOf(step).checked = false; });
    saveDone();
    showProgress();
  });
  window.addEventListener("hashchange", revealTarget);
  // Another tab of the same path: its progress shows here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== key) return;
    var now = readDone().map(String);
    steps.forEach(function (step) { boxOf(step).checked = now.indexOf(String(step.value)) !== -1; });
    showProgress();
  });

  choose(chosenValue());
  tools.hidden = false;
  revealTarget();
})();
