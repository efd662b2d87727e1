// The self-assessment grid. Each practice gets the scale's radio buttons; the answers stay in this browser
// (localStorage, sent nowhere) and the result follows them: each axis's and situation's mean level, over the practices
// answered, in the chart and the table, and the practices marked lowest with what helps with them. Without
// JavaScript the page shows the grid and its resources.
(function () {
  "use strict";
  var grid = document.getElementById("grille");
  var result = document.getElementById("resultat");
  if (!grid || !result) return;

  var STORAGE_KEY = "atelier-grille";
  var status = document.getElementById("resultat-etat");
  var chartTitle = document.getElementById("graphique-titre");
  var chartName = chartTitle.textContent;
  var barLength = Number(result.querySelector(".piste").getAttribute("width"));
  var weakIntro = document.getElementById("resultat-faibles-intro");
  var weakList = document.getElementById("resultat-faibles");

  function each(list, action) { Array.prototype.forEach.call(list, action); }

  var practices = Array.prototype.map.call(grid.querySelectorAll(".pratique"), function (element) {
    var axis = element.closest("[data-axe]");
    var situation = element.closest("[data-situation]");
    return {
      id: element.id,
      element: element,
      label: element.querySelector("h4").textContent,
      situation: situation.getAttribute("data-libelle"),
      groups: [axis.getAttribute("data-axe"), situation.getAttribute("data-situation")],
      inputs: element.querySelectorAll("input[type=radio]")
    };
  });
  if (practices.length === 0) return;
  var levels = Array.prototype.map.call(practices[0].inputs, function (input) { return input.parentNode.textContent.trim(); });
  var maximum = levels.length - 1;
  var axes = Array.prototype.map.call(grid.querySelectorAll("[data-axe]"), function (section) {
    return { key: section.getAttribute("data-axe"), label: section.getAttribute("data-libelle") };
  });
  var totals = {};
  practices.forEach(function (practice) {
    practice.groups.forEach(function (key) { totals[key] = (totals[key] || 0) + 1; });
  });

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(answers) {
    try {
      if (Object.keys(answers).length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // Storage refused (a private window, say): the answers last as long as the page.
    }
  }

  function answersOnPage() {
    var answers = {};
    practices.forEach(function (practice) {
      each(practice.inputs, function (input) { if (input.checked) answers[practice.id] = Number(input.value); });
    });
    return answers;
  }

  function decimal(value) { return value.toFixed(1).replace(".", ","); }

  function plural(count, singular, several) { return count + " " + (count > 1 ? several : singular); }

  // For each group (axe-1, situation-3…): the number of practices answered and their sum.
  function scores(answers) {
    var groups = {};
    practices.forEach(function (practice) {
      if (!(practice.id in answers)) return;
      practice.groups.forEach(function (key) {
        var group = groups[key] || (groups[key] = { count: 0, sum: 0 });
        group.count += 1;
        group.sum += answers[practice.id];
      });
    });
    return groups;
  }

  function mean(group) { return group ? group.sum / group.count : null; }

  function drawGroups(groups) {
    Object.keys(totals).forEach(function (key) {
      var level = mean(groups[key]);
      var text = level === null ? "—" : decimal(level);
      result.querySelector('[data-barre="' + key + '"]').setAttribute("width", level === null ? "0" : (barLength * level / maximum).toFixed(2));
      result.querySelector('[data-valeur="' + key + '"]').textContent = text;
      result.querySelector('[data-niveau="' + key + '"]').textContent = text;
      result.querySelector('[data-renseignees="' + key + '"]').textContent = (groups[key] ? groups[key].count : 0) + " sur " + totals[key];
    });
  }

  function summary(answers, groups) {
    var count = Object.keys(answers).length;
    if (count === 0) return "Aucune pratique renseignée pour l’instant.";
    var byAxis = axes.map(function (axis) {
      var level = mean(groups[axis.key]);
      return axis.label + "\u00a0: " + (level === null ? "non renseigné" : decimal(level) + " sur " + maximum);
    });
    return plural(count, "pratique renseignée", "pratiques renseignées") + " sur " + practices.length
      + ". Niveau moyen par axe\u00a0: " + byAxis.join("\u202f; ") + ".";
  }

  function showWeakest(answers) {
    weakList.textContent = "";
    var answered = practices.filter(function (practice) { return practice.id in answers; });
    if (answered.length === 0) {
      weakIntro.textContent = "Renseignez une pratique au moins\u00a0: celles où vous vous situez le plus bas apparaîtront ici, avec les ressources qui aident à progresser.";
      return;
    }
    var lowest = Math.min.apply(null, answered.map(function (practice) { return answers[practice.id]; }));
    if (lowest === maximum) {
      weakIntro.textContent = "Vous maîtrisez toutes les pratiques que vous avez renseignées.";
      return;
    }
    var weakest = answered.filter(function (practice) { return answers[practice.id] === lowest; });
    weakIntro.textContent = (weakest.length === 1 ? "La pratique" : "Les " + weakest.length + " pratiques")
      + " où vous vous situez le plus bas («\u00a0" + levels[lowest] + "\u00a0»), avec les ressources qui aident à progresser\u00a0:";
    weakest.forEach(function (practice) {
      var item = document.createElement("li");
      var title = document.createElement("p");
      var name = document.createElement("strong");
      name.textContent = practice.label;
      title.appendChild(name);
      title.appendChild(document.createTextNode(" — situation " + practice.situation));
      item.appendChild(title);
      var helps = practice.element.querySelector(".aides");
      if (helps) {
        item.appendChild(helps.cloneNode(true));
      } else {
        var none = document.createElement("p");
        none.textContent = "Le site ne propose pas encore de ressource pour cette pratique.";
        item.appendChild(none);
      }
      weakList.appendChild(item);
    });
  }

  function update() {
    var answers = answersOnPage();
    save(answers);
    var groups = scores(answers);
    drawGroups(groups);
    var text = summary(answers, groups);
    status.textContent = text;
    chartTitle.textContent = chartName + ". " + text;
    showWeakest(answers);
  }

  var saved = load();
  practices.forEach(function (practice) {
    each(practice.inputs, function (input) { input.checked = saved[practice.id] === Number(input.value); });
    practice.element.querySelector("fieldset").hidden = false;
  });
  grid.addEventListener("change", update);
  document.getElementById("grille-effacer").addEventListener("click", function () {
    practices.forEach(function (practice) { each(practice.inputs, function (input) { input.checked = false; }); });
    update();
    status.textContent = "Vos réponses ont été effacées.";
  });
  document.getElementById("grille-imprimer").addEventListener("click", function () { window.print(); });
  each(document.querySelectorAll(".grille-aller"), function (element) { element.hidden = false; });
  result.hidden = false;
  update();
})();
