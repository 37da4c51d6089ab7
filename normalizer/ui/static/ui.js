/* normalizer editors' UI: search as you type, name-conflict hints, entity pickers.
   Everything here is an enhancement: every page works with plain forms when this does not run.
   Text from the server is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  var body = document.body;
  var api = body.dataset.api || "/v1";
  var entityUrl = body.dataset.entityUrl || "/ui/entity/";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  /* Only the answer to the latest request is used, whatever order answers arrive in. */
  function latest() {
    var seq = 0;
    return function (url, onData) {
      var mine = ++seq;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && mine === seq) { onData(data); } })
        .catch(function () { /* the plain form still works */ });
    };
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function searchAsYouType() {
    var form = document.getElementById("search");
    var list = document.getElementById("results");
    if (!form || !list) { return; }
    var q = form.elements.q, type = form.elements.type, count = document.getElementById("result-count");
    var get = latest(), labels = {};
    Array.prototype.forEach.call(type.options, function (o) { labels[o.value] = o.textContent; });
    var run = debounce(function () {
      var params = new URLSearchParams({ per_page: "20" });
      if (q.value.trim()) { params.set("q", q.value.trim()); }
      if (type.value) { params.set("type", type.value); }
      get(api + "/entities?" + params.toString(), function (data) {
        list.replaceChildren();
        data.items.forEach(function (e) {
          var li = el("li"), a = el("a"), strong = el("strong", e.name);
          a.href = entityUrl + encodeURIComponent(e.id);
          a.appendChild(strong);
          li.append(a, " ", el("span", labels[e.type] || e.type, "tag"), " ", el("code", e.id));
          if (e.description) { li.append(el("br"), el("small", e.description)); }
          list.appendChild(li);
        });
        if (!data.items.length) { list.appendChild(el("li", body.dataset.msgNoResults, "empty")); }
        if (count) { count.textContent = count.textContent.replace(/^\d+/, String(data.total)); }
        drawPager(data.total, 20, { q: q.value.trim(), type: type.value });
        history.replaceState(null, "", "?" + new URLSearchParams({ q: q.value, type: type.value }).toString());
      });
    }, 200);
    q.addEventListener("input", run);
    type.addEventListener("change", run);
  }

  /* The pager of the results shown: hidden when one page holds them, else "1 / n" and Next. */
  function drawPager(total, perPage, query) {
    var pager = document.getElementById("pager"), pages = Math.max(1, Math.ceil(total / perPage));
    if (!pager) {
      pager = el("nav", "", "pager");
      pager.id = "pager";
      document.getElementById("results").after(pager);
    }
    pager.replaceChildren();
    pager.hidden = pages <= 1;
    if (pages <= 1) { return; }
    pager.append(el("span", "1 / " + pages));
    var next = el("a", (body.dataset.msgNext || "Next") + " \u2192");
    next.href = "?" + new URLSearchParams(Object.assign({}, query, { page: "2" })).toString();
    pager.append(next);
  }

  /* One box ticks every item of the review page for the bulk dismissal. */
  function tickAll() {
    var all = document.getElementById("tick-all");
    if (!all) { return; }
    all.addEventListener("change", function () {
      document.querySelectorAll("input.tick").forEach(function (box) { box.checked = all.checked; });
    });
  }

  /* Warn while typing when the name is already another entity's name (the server still decides). */
  function conflictHint() {
    var form = document.getElementById("add-name");
    var hint = document.getElementById("conflict-hint");
    if (!form || !hint) { return; }
    var own = form.dataset.entityId, get = latest();
    var run = debounce(function () {
      var text = form.elements.text.value.trim();
      if (!text) { hint.textContent = ""; return; }
      get(api + "/resolve?" + new URLSearchParams({ q: text, limit: "5" }).toString(), function (data) {
        var held = (data.candidates || []).filter(function (c) {
          return c.id !== own && c.method === "exact";
        })[0];
        hint.textContent = held ? body.dataset.msgHeldBy.replace("{name}", held.name).replace("{id}", held.id) : "";
      });
    }, 250);
    form.elements.text.addEventListener("input", run);
  }

  /* Inputs that take an entity id offer matching entities from the search API as you type. */
  function entityPickers() {
    document.querySelectorAll("input.entity-picker").forEach(function (input) {
      var list = input.list, get = latest();
      if (!list) { return; }
      input.addEventListener("input", debounce(function () {
        var parts = input.value.split(","), term = parts[parts.length - 1].trim();
        if (term.length < 2) { return; }
        get(api + "/entities?" + new URLSearchParams({ q: term, per_page: "8" }).toString(), function (data) {
          list.replaceChildren();
          var head = parts.slice(0, -1).map(function (p) { return p.trim(); }).filter(Boolean);
          data.items.forEach(function (e) {
            var option = el("option");
            option.value = head.concat([e.id]).join(", ");
            option.label = e.name + " (" + e.type + ")";
            list.appendChild(option);
          });
        });
      }, 200));
    });
  }

  searchAsYouType();
  conflictHint();
  entityPickers();
  tickAll();
}());
