/* transcheck HTML report behaviour: filters, search, sorting, finding navigation, theme.
   All markup is rendered (and escaped) server-side; this script only toggles attributes,
   moves existing nodes and sets textContent. It never parses strings into HTML. */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  function $(sel) { return doc.querySelector(sel); }
  function $$(sel, el) { return Array.prototype.slice.call((el || doc).querySelectorAll(sel)); }

  /* Theme: auto (follows the system) -> light -> dark. Remembered when storage is allowed. */
  var THEMES = ["auto", "light", "dark"];
  var themeButton = $("#theme");
  function applyTheme(theme) {
    if (theme === "light" || theme === "dark") { root.setAttribute("data-theme", theme); }
    else { theme = "auto"; root.removeAttribute("data-theme"); }
    if (themeButton) { themeButton.textContent = "Theme: " + theme; }
    return theme;
  }
  var theme = "auto";
  try { theme = window.localStorage.getItem("transcheck-theme") || "auto"; } catch (e) { /* file: may forbid */ }
  theme = applyTheme(theme);
  function cycleTheme() {
    theme = applyTheme(THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]);
    try { window.localStorage.setItem("transcheck-theme", theme); } catch (e) { /* ignore */ }
  }
  if (themeButton) { themeButton.addEventListener("click", cycleTheme); }

  /* Sticky table headers sit below the sticky toolbar, whose height depends on wrapping. */
  var toolbar = $(".toolbar");
  function measureToolbar() {
    if (toolbar) { root.style.setProperty("--tb-h", toolbar.getBoundingClientRect().height + "px"); }
  }
  measureToolbar();
  window.addEventListener("resize", measureToolbar);

  /* Filtering */
  var search = $("#q");
  var sevBoxes = $$("input[name=sev]");
  var checkSelect = $("#check");
  var langSelect = $("#lang");
  var onlyFlagged = $("#only");
  var status = $("#status");
  var articles = $$("section.article");
  var indexRows = {};
  $$("#index tbody tr").forEach(function (tr) { indexRows[tr.getAttribute("data-article")] = tr; });
  var haystack = {};

  function state() {
    var sev = {};
    var all = true;
    sevBoxes.forEach(function (box) { sev[box.value] = box.checked; if (!box.checked) { all = false; } });
    var check = checkSelect ? checkSelect.value : "";
    var lang = langSelect ? langSelect.value : "";
    return {
      sev: sev, check: check, lang: lang,
      q: search ? search.value.trim().toLowerCase() : "",
      only: onlyFlagged ? onlyFlagged.checked : false,
      isDefault: all && !check && !lang
    };
  }

  function matches(li, st) {
    if (!st.sev[li.getAttribute("data-sev")]) { return false; }
    if (st.check && li.getAttribute("data-check") !== st.check) { return false; }
    if (st.lang) {
      var langs = (li.getAttribute("data-langs") || "").split(" ");
      if (langs.indexOf(st.lang) < 0) { return false; }
    }
    return true;
  }

  function visibleIds(attr) {
    return (attr || "").split(" ").filter(function (id) {
      var el = id && doc.getElementById(id);
      return el && !el.hidden;
    }).length > 0;
  }

  function apply() {
    var st = state();
    var shownArticles = 0;
    var shownFindings = 0;
    articles.forEach(function (sec) {
      var lis = $$("li.finding", sec);
      var n = 0;
      lis.forEach(function (li) { var ok = matches(li, st); li.hidden = !ok; if (ok) { n += 1; } });
      $$("mark.hl", sec).forEach(function (m) {
        m.classList.toggle("off", !visibleIds(m.getAttribute("data-f")));
      });
      $$("tr.frow", sec).forEach(function (tr) { tr.hidden = !tr.querySelector("li.finding:not([hidden])"); });
      $$("tr.arow", sec).forEach(function (tr) {
        tr.hidden = st.only && !visibleIds(tr.getAttribute("data-findings"));
      });
      var id = sec.id;
      if (st.q && haystack[id] === undefined) { haystack[id] = sec.textContent.toLowerCase(); }
      var textOk = !st.q || haystack[id].indexOf(st.q) >= 0;
      var visible = textOk && (n > 0 || (lis.length === 0 && st.isDefault));
      sec.hidden = !visible;
      if (indexRows[id]) { indexRows[id].hidden = !visible; }
      if (visible) { shownArticles += 1; shownFindings += n; }
    });
    if (status) {
      status.textContent = shownArticles + " of " + articles.length + " articles, " +
        shownFindings + " findings shown";
    }
    cursor = -1;
  }

  [search, checkSelect, langSelect, onlyFlagged].concat(sevBoxes).forEach(function (el) {
    if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
  });

  /* Sorting the index: moves the existing rows. */
  $$("#index thead button[data-sort]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      var th = button.parentNode;
      var dir = th.getAttribute("aria-sort") === "descending" ? "ascending" :
        (th.getAttribute("aria-sort") === "ascending" ? "descending" : (key === "name" ? "ascending" : "descending"));
      $$("#index thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir);
      var tbody = $("#index tbody");
      var rows = $$("tr", tbody);
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key);
        var y = b.getAttribute("data-" + key);
        var cmp = key === "name" ? x.localeCompare(y) : Number(x) - Number(y);
        if (cmp === 0) { cmp = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); }
        return dir === "ascending" ? cmp : -cmp;
      });
      rows.forEach(function (tr) { tbody.appendChild(tr); });
    });
  });

  /* Finding navigation: j / k and the buttons. */
  var cursor = -1;
  function visibleFindings() {
    return $$("li.finding").filter(function (li) {
      return !li.hidden && !li.closest("section.article").hidden;
    });
  }
  function go(step) {
    var list = visibleFindings();
    if (!list.length) { return; }
    var current = $("li.finding.current");
    if (current) { current.classList.remove("current"); cursor = list.indexOf(current); }
    cursor = cursor < 0 ? (step > 0 ? 0 : list.length - 1) : (cursor + step + list.length) % list.length;
    var li = list[cursor];
    var details = li.closest("details");
    if (details && !details.open) { details.open = true; }
    li.classList.add("current");
    li.focus({ preventScroll: true });
    var row = li.closest("tr.frow");
    var target = row && row.previousElementSibling && row.previousElementSibling.classList.contains("arow")
      ? row.previousElementSibling : li;
    target.scrollIntoView({ block: "center", behavior: "auto" });
    if (status) { status.textContent = "finding " + (cursor + 1) + " of " + list.length; }
  }
  var next = $("#next");
  var prev = $("#prev");
  if (next) { next.addEventListener("click", function () { go(1); }); }
  if (prev) { prev.addEventListener("click", function () { go(-1); }); }

  doc.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = ev.target && ev.target.tagName;
    var typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA";
    if (typing) {
      if (ev.key === "Escape" && ev.target.blur) { ev.target.blur(); }
      return;
    }
    if (ev.key === "j") { go(1); ev.preventDefault(); }
    else if (ev.key === "k") { go(-1); ev.preventDefault(); }
    else if (ev.key === "/") { if (search) { search.focus(); ev.preventDefault(); } }
    else if (ev.key === "t") { cycleTheme(); }
  });

  /* Printing shows every article, open. */
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = $$("details:not([open])");
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });

  root.classList.add("js");
  apply();
})();
