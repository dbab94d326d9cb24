// histextract view: the one script of every page (inlined; no network, no library).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);

  // --- document page: toggles, and the JSON of a clicked record -------------------
  const doc = $("doc");
  if (doc) {
    const records = JSON.parse($("records").textContent);
    document.querySelectorAll("#legend input[data-layer]").forEach((box) => {
      const apply = () => doc.classList.toggle("hide-" + box.dataset.layer, !box.checked);
      box.addEventListener("change", apply);
      apply();
    });
    const panel = $("panel");
    const clear = () => document.querySelectorAll(".sel, .rel").forEach((el) => el.classList.remove("sel", "rel"));
    const show = (id, el) => {
      clear();
      const record = records[id];
      if (!record) return;
      $("panel-title").textContent = id;
      $("panel-json").textContent = JSON.stringify(record, null, 2);
      panel.hidden = false;
      document.querySelectorAll('[data-id="' + CSS.escape(id) + '"]').forEach((m) => {
        if (!m.classList.contains("sent")) m.classList.add("sel");
      });
      (el.dataset.related || "").split(" ").filter(Boolean).forEach((rid) =>
        document.querySelectorAll('.mk[data-id="' + CSS.escape(rid) + '"]').forEach((m) => m.classList.add("rel")));
    };
    doc.addEventListener("click", (ev) => {
      const el = ev.target.closest(".mk[data-id], .frame[data-id]");
      if (el) { show(el.dataset.id, document.querySelector('.frame[data-id="' + CSS.escape(el.dataset.id) + '"]') || el); }
    });
    $("panel-close").addEventListener("click", () => { panel.hidden = true; clear(); });
  }

  // --- timeline: rows carry the keys the `timeline` command's filters match on ------
  const tl = $("timeline");
  if (tl) {
    const rows = Array.from(tl.querySelectorAll(".rows > .row"));
    const entity = $("f-entity"), family = $("f-family"), docSel = $("f-doc"), count = $("f-count");
    const apply = () => {
      const q = entity.value.trim().toLowerCase(), f = family.value, d = docSel.value;
      let shown = 0;
      for (const row of rows) {
        const ok = (!q || row.dataset.names.includes("|" + q + "|")) && (!f || row.dataset.family === f) &&
          (!d || row.dataset.doc === d);
        row.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = shown + " event" + (shown === 1 ? "" : "s");
    };
    [entity, family, docSel].forEach((el) => ["input", "change"].forEach((t) => el.addEventListener(t, apply)));
    const params = new URLSearchParams(location.search);
    if (params.get("entity")) entity.value = params.get("entity");
    if (params.get("family")) family.value = params.get("family");
    if (params.get("doc")) docSel.value = params.get("doc");
    apply();
  }

  // --- evaluation: browse the errors by layer, kind and text -------------------------
  const errs = $("error-list");
  if (errs) {
    const items = Array.from(errs.querySelectorAll(".error"));
    const corpus = $("e-corpus"), layer = $("e-layer"), kind = $("e-kind"), text = $("e-text"), count = $("e-count");
    const apply = () => {
      const c = corpus.value, l = layer.value, k = kind.value, t = text.value.trim().toLowerCase();
      let shown = 0;
      for (const it of items) {
        const ok = (!c || it.dataset.corpus === c) && (!l || it.dataset.layer === l) && (!k || it.dataset.kind === k) &&
          (!t || it.dataset.search.includes(t));
        it.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = shown + " error" + (shown === 1 ? "" : "s");
    };
    [corpus, layer, kind, text].forEach((el) => ["input", "change"].forEach((t) => el.addEventListener(t, apply)));
    apply();
  }
})();
