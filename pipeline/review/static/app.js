// Review app: keyboard shortcuts and live checks. The pages work without it.
"use strict";
(function () {
  function entries() { return Array.prototype.slice.call(document.querySelectorAll("article.entry")); }
  function current() {
    var a = document.activeElement && document.activeElement.closest("article.entry");
    return a || null;
  }
  function focusEntry(article) {
    if (!article) return;
    var box = article.querySelector("textarea") || article.querySelector("button");
    article.scrollIntoView({block: "center"});
    if (box) box.focus();
  }
  function move(step) {
    var list = entries(), here = list.indexOf(current());
    var next = here < 0 ? (step > 0 ? 0 : list.length - 1) : here + step;
    if (next >= 0 && next < list.length) focusEntry(list[next]);
  }
  function submit(article, action) {
    if (!article) return;
    var button = article.querySelector('button[value="' + action + '"]');
    if (button) button.click();
  }
  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (cls) node.className = cls;
    return node;
  }
  function refresh(form) {
    var data = new URLSearchParams(new FormData(form));
    data.delete("action");
    fetch(form.dataset.check, {method: "POST", body: data, credentials: "same-origin",
                               headers: {"X-CSRF-Token": form.elements.csrf.value}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) {
        if (!result) return;
        var live = form.querySelector(".live"), terms = live.querySelector(".terms"),
            findings = live.querySelector(".findings");
        terms.replaceChildren.apply(terms, result.terms.map(function (t) {
          var li = document.createElement("li");
          li.className = t.used ? "used" : "missing";
          var source = text("bdi", t.source);
          source.lang = "en";
          li.append(source, " → ");
          t.required.forEach(function (r, i) {
            var target = text("bdi", r);
            target.lang = live.dataset.lang;
            target.dir = live.dataset.dir;
            if (i) li.append(" / ");
            li.append(target);
          });
          li.append(": " + (t.used ? live.dataset.used : live.dataset.unused));
          return li;
        }));
        findings.replaceChildren.apply(findings, result.findings.map(function (f) { return text("li", f); }));
      });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var timers = new WeakMap();
    document.querySelectorAll("article.entry textarea").forEach(function (box) {
      box.addEventListener("input", function () {
        clearTimeout(timers.get(box));
        timers.set(box, setTimeout(function () { refresh(box.form); }, 250));
      });
    });
    var focus = new URLSearchParams(location.search).get("focus");
    var target = focus !== null && document.getElementById("entry-" + focus);
    if (target) focusEntry(target);
  });
  document.addEventListener("keydown", function (ev) {
    var article = current();
    if (ev.altKey && !ev.ctrlKey && (ev.key === "n" || ev.key === "N" || ev.key === "ArrowDown")) { ev.preventDefault(); move(1); }
    else if (ev.altKey && !ev.ctrlKey && (ev.key === "p" || ev.key === "P" || ev.key === "ArrowUp")) { ev.preventDefault(); move(-1); }
    else if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") { ev.preventDefault(); submit(article, ev.shiftKey ? "approve-sign" : "approve"); }
    else if ((ev.ctrlKey || ev.metaKey) && (ev.key === "s" || ev.key === "S")) { ev.preventDefault(); submit(article, "save"); }
  });
})();
