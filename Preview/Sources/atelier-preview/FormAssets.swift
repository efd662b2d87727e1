/// The form's own style, beside the site's, and its script: rows of themes and links added and removed, the warning
/// for a theme spelt otherwise elsewhere, the switch between a date and time and a whole day, and the text's preview
/// rendered by Atelier as the editor types (300 ms after the last key).
enum FormAssets {
    /// The site's colours by role (style.css), so that the form follows its dark scheme; errors and saves have their own.
    static let style = """
    :root{--error:#a00018;--error-soft:#fff4f4;--ok:#1b6e2d;--ok-soft:#f1faf3;--caution:#6b5400}
    @media (prefers-color-scheme:dark){:root{--error:#ff9aa5;--error-soft:#3a1a1e;--ok:#8fdc9f;--ok-soft:#16301c;--caution:#f0cf6b}}
    main{max-width:72rem;margin:0 auto;padding:1rem}.formulaire-retour{padding:.75rem 1rem;background:var(--soft)}
    .champ{margin:0 0 1.25rem;border:0;padding:0}fieldset.champ{border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem}
    label,legend{font-weight:600;display:block;margin-bottom:.25rem}.case label,.cases label,.lignes label{display:inline;font-weight:normal}
    input[type=text],input[type=url],input[type=date],input[type=datetime-local],textarea,select{font:inherit;padding:.4rem;color:var(--ink);background:var(--paper);border:1px solid var(--muted);border-radius:.3rem;max-width:100%}
    input[type=text],input[type=url],textarea{width:100%}.lignes input[type=text],.lignes input[type=url]{width:auto;min-width:min(14rem,100%)}
    textarea{font-family:ui-monospace,monospace}.lignes,.cases{list-style:none;padding:0;margin:.25rem 0}.lignes li,.cases li{margin:.4rem 0}
    .ligne-lien{display:inline-block;margin-right:.5rem;max-width:100%}.obligatoire,.aide{color:var(--muted);font-weight:normal}.aide{margin:.25rem 0;font-size:.9rem}
    .erreur{color:var(--error);margin:.25rem 0}.avertissement{color:var(--caution);margin:.25rem 0}[aria-invalid=true]{border-color:var(--error);border-width:2px}
    .alerte{border-left:5px solid var(--error);background:var(--error-soft);padding:.5rem 1rem;margin:1rem 0}
    .enregistre{border-left:5px solid var(--ok);background:var(--ok-soft);padding:.5rem 1rem}
    button{font:inherit;padding:.4rem .8rem;border-radius:.3rem;border:1px solid var(--link);background:var(--paper);color:var(--link);cursor:pointer}
    button.button{background:var(--button);color:#fff;font-size:1.1rem;padding:.6rem 1.4rem}
    .texte{display:grid;gap:1rem}@media (min-width:60rem){.texte{grid-template-columns:1fr 1fr}}
    .apercu-texte{border:1px solid var(--line);border-radius:.4rem;padding:0 1rem;overflow-wrap:anywhere}.apercu-texte h2{font-size:1rem;color:var(--muted)}
    """

    static let script = """
    (function () {
      var form = document.getElementById("formulaire");
      var alert = document.getElementById("conflit") || document.getElementById("erreurs");
      if (alert) alert.focus();

      form.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.classList.contains("ajouter")) {
          var list = document.getElementById(button.dataset.liste);
          var next = Number(list.dataset.suivant || list.children.length) + 1;
          list.dataset.suivant = next;
          list.insertAdjacentHTML("beforeend", document.getElementById(button.dataset.modele).innerHTML.replace(/__N__/g, String(next)));
          list.lastElementChild.querySelector("input, select").focus();
        } else if (button.classList.contains("retirer")) {
          var row = button.closest("li"), group = row.closest("fieldset");
          row.remove();
          group.querySelector("button.ajouter").focus();
          warnSpelling();
        }
      });

      function slug(text) {
        return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
          .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      }

      function warnSpelling() {
        var known = {}, messages = [];
        document.querySelectorAll("#themes-existants option").forEach(function (option) { known[option.dataset.cle] = option.value; });
        form.querySelectorAll("input[name=tags]").forEach(function (input) {
          var value = input.value.trim(), spelt = known[slug(value)];
          if (value && spelt && spelt !== value) messages.push("Le thème « " + value + " » s’écrit ailleurs « " + spelt + " ».");
        });
        document.getElementById("avertissement-champ-tags").textContent = messages.join(" ");
      }

      form.addEventListener("input", function (event) {
        if (event.target.name === "tags") warnSpelling();
      });

      form.addEventListener("change", function (event) {
        var box = event.target;
        if (!box.dataset.journee) return;
        var field = document.getElementById(box.dataset.journee);
        if (box.checked && field.type === "datetime-local") {
          field.dataset.heure = field.value.slice(11);
          var day = field.value.slice(0, 10);
          field.type = "date";
          field.value = day;
        } else if (!box.checked && field.type === "date") {
          var date = field.value;
          field.type = "datetime-local";
          if (date) field.value = date + "T" + (field.dataset.heure || "00:00");
        }
      });

      var body = document.getElementById("texte-markdown"), shown = document.getElementById("apercu-texte");
      var timer, asked = 0;
      body.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var data = new URLSearchParams(), number = ++asked;
          data.set("jeton", form.elements.jeton.value);
          data.set("fichier", form.elements.fichier ? form.elements.fichier.value : "content/" + form.elements.type.value + "/nouvelle.md");
          data.set("texte", body.value);
          fetch("\(EditRoutes.renderPath)", { method: "POST", body: data })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) { if (number === asked) shown.innerHTML = html; })
            .catch(function () {});
        }, 300);
      });
    })();
    """
}
