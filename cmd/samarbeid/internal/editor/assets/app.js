// The editor's page: a form made from the file's JSON Schema, the preview,
// the loader's messages at the fields, saving and generating. No framework.
"use strict";

const csrf = document.querySelector('meta[name="csrf"]').content;
const $ = (id) => document.getElementById(id);

// Norwegian labels for the file's field names; a field without one shows
// its name, so a field added to the model appears in the form anyway.
const labels = {
  type: "Type", language: "Målform", title: "Tittel", subtitle: "Undertittel", municipality: "Kommune",
  version: "Versjon", place: "Sted", status: "Status", legal_basis: "Lovgrunnlag", dates: "Datoer",
  valid_from: "Gjelder fra", signed: "Signert", revised: "Revidert", next_evaluation: "Neste evaluering",
  introduction: "Innledning", background: "Bakgrunn", goals: "Mål", purpose: "Formål", parties: "Parter",
  units: "Enheter", roles: "Roller", contacts: "Kontaktpersoner", signatories: "Underskrivere",
  authority: "Myndighet", standard_texts: "Standardtekster", duties: "Plikter", levels: "Nivåer",
  meetings: "Møter", information_sharing: "Informasjonsdeling", transition: "Overgang",
  evaluation: "Evaluering", clauses: "Tilleggspunkter", validity: "Gyldighet", purchase: "Kjøp av tjenester",
  references: "Henvisninger og vedlegg", routines: "Rutiner", checklists: "Sjekklister", revisions: "Revisjoner",
  calendar: "Årshjul", id: "Id", name: "Navn", kind: "Slag", party: "Part", unit: "Enhet", role: "Rolle",
  text: "Tekst", items: "Punkter", owner: "Ansvarlig", owners: "Ansvarlige", level: "Nivå",
  frequency: "Hyppighet", convener: "Innkaller", participants: "Deltakere", other_participants: "Andre deltakere",
  agenda: "Saker", schedule: "Tidspunkt", topics: "Tema", refs: "Lovhenvisninger", basis: "Grunnlag",
  email: "E-post", phone: "Telefon", function: "Funksjon", for: "For", signs: "Signerer",
  description: "Beskrivelse", intro: "Innledning", closing: "Avslutning", exchanges: "Utvekslinger",
  topic: "Tema", what: "Hva", when: "Når", responsible: "Ansvarlig", consent: "Samtykke", channels: "Kanaler",
  deadline: "Frist", escalates_to: "Løftes til", scope: "Omfang", holder: "Innehaver", delegations: "Delegeringer",
  date: "Dato", changes: "Endringer", approved_by: "Godkjent av", year: "År", breaks: "Opphold",
  weekday: "Ukedag", time: "Klokkeslett", day: "Dag", months: "Måneder", duration_minutes: "Varighet (minutter)",
  sections: "Avsnitt", file: "Fil", link: "Lenke", case_number: "Saksnummer", from: "Fra", to: "Til",
  start: "Start", after: "Etter", seller: "Selger", buyers: "Kjøpere", services: "Tjenester",
  price_basis: "Prisgrunnlag", notice_period: "Oppsigelsestid", renegotiation: "Reforhandling",
  reporting: "Rapportering", minutes: "Referat", attendees: "Deltakere", mode: "Møteform", short: "Kortnavn",
  nav: "NAV", county: "Fylkeskommunen", lists: "Lister", list: "Liste", item: "Punkt", off: "Av",
  phase: "Fase", leader_level: "Ledernivå", follows_up_sharing: "Følger opp informasjonsdeling",
  on_holiday: "På helligdag", result_requirements: "Resultatkrav",
};
const label = (k) => labels[k] || k;
const idPattern = "^[a-z0-9æøå][a-z0-9æøå_-]*$";

let schema = null, doc = {}, state = null, messages = [], dirty = false, page = "", timer = null, gone = false;

function resolve(s) {
  while (s && s.$ref) s = schema.$defs[s.$ref.replace("#/$defs/", "")];
  return s || {};
}

// kind says which widget a schema gets.
function kind(key, s) {
  s = resolve(s);
  if (s.properties) return "object";
  if (s.type === "array") return "list";
  if (s.anyOf) {
    const arr = s.anyOf.find((x) => x.type === "array");
    if (arr) return "multi";
    if (s.anyOf.some((x) => x.type === "boolean")) return "yesno";
  }
  if (s.enum) return "select";
  if (s.type === "integer") return "int";
  if (s.pattern === idPattern && key !== "id") return "ref";
  return "text";
}

function itemsOf(s) {
  s = resolve(s);
  if (s.type === "array") return resolve(s.items);
  return resolve(s.anyOf.find((x) => x.type === "array").items);
}

const fid = (path) => "f-" + path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === "." ? "--" : "_" + c.charCodeAt(0).toString(16)));

function get(path) {
  let v = doc;
  for (const p of path.split(".")) { if (v == null) return undefined; v = v[p]; }
  return v;
}

// set puts value at path, adding a missing key in the schema's order.
function set(path, value, remove) {
  const parts = path.split(".");
  let parent = doc, s = schema;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    s = Array.isArray(parent) ? itemsOf(s) : resolve(resolve(s).properties[p]);
    if (parent[p] == null || typeof parent[p] !== "object") parent[p] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    parent = parent[p];
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) { parent[+last] = value; return; }
  if (remove) { delete parent[last]; return; }
  if (last in parent) { parent[last] = value; return; }
  const order = Object.keys(resolve(Array.isArray(parent) ? itemsOf(s) : s).properties || {});
  const keys = Object.keys(parent), at = order.indexOf(last);
  const copy = {};
  let placed = false;
  for (const k of keys) {
    if (!placed && at >= 0 && order.indexOf(k) > at) { copy[last] = value; placed = true; }
    copy[k] = parent[k];
  }
  if (!placed) copy[last] = value;
  for (const k of keys) delete parent[k];
  Object.assign(parent, copy);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// defined lists the ids a reference field can pick from.
function defined(key) {
  const from = { party: ["parties"], for: ["parties"], seller: ["parties"], buyers: ["parties"], unit: ["units"], role: ["roles"],
    list: [], meeting: ["meetings"] }[key] || ["parties", "units", "roles"];
  const out = [];
  for (const list of from) for (const x of doc[list] || []) if (x && x.id) out.push({ id: String(x.id), name: x.name ? String(x.name) : String(x.id), group: label(list) });
  return out;
}

function help(s, id) {
  return s.description ? el("p", { class: "help", id: id + "-hjelp", text: s.description }) : null;
}

function changed(path, value, required) {
  if (value === "" && !required) set(path, null, true); else set(path, value);
  touch();
}

function touch() {
  dirty = true;
  localStorage.setItem(draftKey(), JSON.stringify({ doc, version: state.version, time: new Date().toISOString() }));
  showSaved();
  clearTimeout(timer);
  timer = setTimeout(check, 350);
}

function field(key, s, path, required) {
  s = resolve(s);
  const k = kind(key, s), id = fid(path), value = get(path);
  const wrap = el("div", { class: "field", "data-path": path });
  const describedBy = [s.description ? id + "-hjelp" : null, id + "-melding"].filter(Boolean).join(" ");
  const lbl = el("label", { for: id, text: label(key) + (required ? " (må fylles ut)" : "") });
  let input;
  switch (k) {
    case "select": case "yesno": case "ref": {
      input = el("select", { id, "aria-describedby": describedBy, required: required || null });
      input.append(el("option", { value: "", text: "– velg –" }));
      let opts = [];
      if (k === "select") opts = s.enum.map((v) => ({ id: v, name: v }));
      else if (k === "yesno") opts = [{ id: "ja", name: "ja" }, { id: "nei", name: "nei" }];
      else opts = defined(key).map((d) => ({ id: d.id, name: d.name + " (" + d.id + ")", group: d.group }));
      const cur = value == null ? "" : String(value);
      if (cur !== "" && !opts.some((o) => o.id === cur)) opts.push({ id: cur, name: cur });
      const groups = {};
      for (const o of opts) {
        const opt = el("option", { value: o.id, text: o.name });
        if (o.group) {
          if (!groups[o.group]) input.append((groups[o.group] = el("optgroup", { label: o.group })));
          groups[o.group].append(opt);
        } else input.append(opt);
      }
      input.value = cur;
      input.addEventListener("change", () => { changed(path, input.value, required); if (key === "id") render(); });
      break;
    }
    case "int": case "text": {
      const long = ["text", "description", "intro", "closing", "what", "scope"].includes(key) || (value != null && (String(value).length > 70 || String(value).includes("\n")));
      input = el(long ? "textarea" : "input", { id, "aria-describedby": describedBy, required: required || null, inputmode: k === "int" ? "numeric" : null, spellcheck: key === "id" ? "false" : null });
      if (long) input.rows = Math.min(12, Math.max(3, Math.ceil(String(value || "").length / 70)));
      input.value = value == null ? "" : String(value);
      const ex = (s.examples || []).filter(() => s.pattern !== idPattern);
      if (ex.length && !long) {
        const list = el("datalist", { id: id + "-forslag" });
        for (const e of ex) list.append(el("option", { value: e }));
        input.setAttribute("list", id + "-forslag");
        wrap.append(list);
      }
      input.addEventListener("input", () => changed(path, input.value, required));
      if (key === "id" || key === "name") input.addEventListener("change", render);
      break;
    }
  }
  wrap.prepend(lbl, help(s, id) || "");
  wrap.append(input, el("p", { class: "msg", id: id + "-melding" }));
  return wrap;
}

// multi is a field that is one value or a list of them.
function multi(key, s, path, required) {
  const item = itemsOf(s);
  let value = get(path);
  if (value != null && !Array.isArray(value)) value = [value];
  const id = fid(path);
  if (item.enum || (item.pattern === idPattern)) {
    const options = item.enum ? item.enum.map((v) => ({ id: v, name: v })) : defined(key).map((d) => ({ id: d.id, name: d.name }));
    for (const v of value || []) if (!options.some((o) => o.id === String(v))) options.push({ id: String(v), name: String(v) });
    const fs = el("fieldset", { "data-path": path, "aria-describedby": [resolve(s).description ? id + "-hjelp" : null, id + "-melding"].filter(Boolean).join(" ") },
      el("legend", { text: label(key) + (required ? " (må fylles ut)" : "") }), help(resolve(s), id));
    const box = el("div", { class: "checks" });
    options.forEach((o, i) => {
      const cb = el("input", { type: "checkbox", id: id + "-" + i, value: o.id });
      cb.checked = (value || []).map(String).includes(o.id);
      cb.addEventListener("change", () => {
        const cur = Array.from(box.querySelectorAll("input:checked")).map((x) => x.value);
        changed(path, cur.length ? cur : "", required);
        if (!cur.length && !required) set(path, null, true);
      });
      box.append(el("label", { for: id + "-" + i }, cb, document.createTextNode(o.name)));
    });
    fs.append(box, el("p", { class: "msg", id: id + "-melding" }));
    return fs;
  }
  return list(key, s, path, required, value || []);
}

function itemTitle(key, v, i) {
  const n = v && typeof v === "object" ? v.name || v.title || v.id || v.text || v.owner || v.level || v.role || "" : v;
  const short = String(n == null ? "" : n).slice(0, 60);
  return label(key) + " " + (i + 1) + (short ? ": " + short : "");
}

function list(key, s, path, required, value) {
  const item = itemsOf(s), id = fid(path);
  if (!value) value = get(path) || [];
  const fs = el("fieldset", { "data-path": path, class: "list" }, el("legend", { text: label(key) + (required ? " (må fylles ut)" : "") }), help(resolve(s), id));
  value.forEach((v, i) => {
    const p = path + "." + i, title = itemTitle(key, v, i);
    const tools = el("div", { class: "item-tools" },
      el("button", { type: "button", class: "small", disabled: i === 0 || null, "aria-label": "Flytt opp: " + title, text: "Flytt opp", onclick: () => move(path, i, -1) }),
      el("button", { type: "button", class: "small", disabled: i === value.length - 1 || null, "aria-label": "Flytt ned: " + title, text: "Flytt ned", onclick: () => move(path, i, 1) }),
      el("button", { type: "button", class: "small danger", "aria-label": "Fjern: " + title, text: "Fjern", onclick: () => removeItem(path, i) }));
    if (item.properties) {
      const box = el("fieldset", { class: "item", "data-path": p }, el("legend", { text: title }));
      object(item, p, box);
      box.append(el("p", { class: "msg", id: fid(p) + "-melding" }), tools);
      fs.append(box);
    } else {
      const f = field(key, item, p, true);
      f.querySelector("label").textContent = title;
      f.append(tools);
      fs.append(f);
    }
  });
  fs.append(el("p", { class: "msg", id: id + "-melding" }));
  fs.append(el("button", { type: "button", text: "Legg til " + label(key).toLowerCase(), onclick: () => addItem(path, item) }));
  return fs;
}

function blank(s) {
  s = resolve(s);
  if (!s.properties) return "";
  const o = {};
  for (const k of s.required || []) {
    const ks = kind(k, s.properties[k]);
    o[k] = ks === "list" ? [] : ks === "object" ? {} : "";
  }
  return o;
}

function addItem(path, item) {
  let v = get(path);
  if (v != null && !Array.isArray(v)) v = [v];
  v = (v || []).concat([blank(item)]);
  set(path, v);
  touch();
  render();
  const n = v.length - 1;
  const target = document.querySelector('[data-path="' + path + "." + n + '"] input, [data-path="' + path + "." + n + '"] textarea, [data-path="' + path + "." + n + '"] select');
  if (target) target.focus();
}

function move(path, i, d) {
  const v = get(path);
  [v[i], v[i + d]] = [v[i + d], v[i]];
  touch();
  render();
  const b = document.querySelectorAll('[data-path="' + path + '"] > fieldset.item, [data-path="' + path + '"] > .field')[i + d];
  if (b) (b.querySelector("button[aria-label^='" + (d < 0 ? "Flytt opp" : "Flytt ned") + "']:not([disabled])") || b.querySelector("input, textarea, select")).focus();
}

function removeItem(path, i) {
  const v = get(path);
  v.splice(i, 1);
  touch();
  render();
  const f = document.querySelector('[data-path="' + path + '"] button:last-of-type');
  if (f) f.focus();
}

function object(s, path, into) {
  s = resolve(s);
  const req = s.required || [];
  for (const [k, ps] of Object.entries(s.properties)) {
    const p = path ? path + "." + k : k;
    into.append(widget(k, ps, p, req.includes(k)));
  }
}

function widget(k, ps, p, required) {
  switch (kind(k, ps)) {
    case "object": {
      const box = el("fieldset", { "data-path": p }, el("legend", { text: label(k) }), help(resolve(ps), fid(p)));
      object(ps, p, box);
      box.append(el("p", { class: "msg", id: fid(p) + "-melding" }));
      return box;
    }
    case "list": return list(k, ps, p, required);
    case "multi": return multi(k, ps, p, required);
    default: return field(k, ps, p, required);
  }
}

function render() {
  const active = document.activeElement && document.activeElement.id;
  const open = new Set(Array.from(document.querySelectorAll("details.section[open]")).map((d) => d.dataset.section));
  const first = !$("form").children.length;
  const form = $("form");
  form.replaceChildren();
  const req = schema.required || [];
  let general = null;
  for (const [k, ps] of Object.entries(schema.properties)) {
    const w = widget(k, ps, k, req.includes(k));
    const own = ["object", "list"].includes(kind(k, ps));
    if (!own && general) { general.append(w); continue; }
    const key = own ? k : "om-avtalen";
    const d = el("details", { class: "section", "data-section": key, id: "del-" + key });
    if (first ? !own || doc[k] != null || req.includes(k) : open.has(key)) d.open = true;
    d.append(el("summary", {}, el("h2", { text: own ? label(k) : "Om avtalen" })));
    const body = el("div", { class: "body" });
    body.append(w);
    d.append(body);
    form.append(d);
    if (!own) general = body;
  }
  showMessages();
  if (active && $(active)) $(active).focus();
}

function post(url, body) {
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-Samarbeid-CSRF": csrf }, body: JSON.stringify(body) })
    .then(async (r) => { gone = false; return { status: r.status, body: await r.json().catch(() => ({ error: r.statusText })) }; },
      (e) => { stopped(); throw e; });
}

function stopped() {
  if (gone) return;
  gone = true;
  banner("error", "Editoren er stoppet", "Endringene dine er tatt vare på i denne nettleseren. Start «samarbeid edit " + state.file + "» igjen for å hente dem tilbake og lagre dem.");
}

let lastCheck = null, shown = 0;
async function check() {
  const r = await post("api/check", { doc });
  if (r.status !== 200) { banner("error", "Kunne ikke kontrollere", r.body.error || ""); return; }
  lastCheck = r.body;
  messages = r.body.messages.concat(r.body.draft);
  showMessages();
  if (r.body.ok) {
    const sel = $("dokument");
    const keep = page || (r.body.pages[0] && r.body.pages[0].path);
    sel.replaceChildren(...r.body.pages.map((p) => el("option", { value: p.path, text: p.title + " (" + p.path + ")" })));
    sel.value = keep;
    page = keep;
    showPage();
  }
}

function showPage() {
  $("visning").src = "preview/" + page.split("/").map(encodeURIComponent).join("/") + "?v=" + (++shown);
}

function banner(kind, title, text, buttons) {
  const b = el("div", { class: "banner " + kind, role: kind === "error" ? "alert" : "status" }, el("h2", { text: title }));
  if (text) b.append(el("p", { text }));
  for (const [t, f] of buttons || []) b.append(el("button", { type: "button", text: t, onclick: () => { b.remove(); f(); } }));
  $("meldinger").append(b);
  return b;
}

function target(path) {
  let p = path;
  while (p) {
    const e = document.querySelector('[data-path="' + p + '"]');
    if (e) return { el: e, path: p };
    p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
  }
  return null;
}

function showMessages() {
  for (const m of document.querySelectorAll(".msg")) { m.textContent = ""; m.className = "msg"; }
  for (const i of document.querySelectorAll("[aria-invalid]")) i.removeAttribute("aria-invalid");
  const box = $("oversikt");
  box.replaceChildren();
  const errors = messages.filter((m) => m.severity === "feil"), warnings = messages.filter((m) => m.severity === "advarsel");
  const draft = messages.filter((m) => m.severity === "utkast");
  if (draft.length) {
    const b = el("div", { class: "banner draft", role: "status" }, el("h2", { text: "Utkast: dokumentene blir merket UTKAST fordi" }));
    const ul = el("ul");
    for (const m of draft) ul.append(el("li", {}, link(m)));
    b.append(ul);
    box.append(b);
  }
  for (const [list, title, cls] of [[errors, "Feil i filen – dokumentene kan ikke lages før de er rettet", "error"], [warnings, "Advarsler", ""]]) {
    if (!list.length) continue;
    const b = el("div", { class: "banner " + cls }, el("h2", { text: title + " (" + list.length + ")" }));
    const ul = el("ul");
    for (const m of list) ul.append(el("li", {}, link(m)));
    b.append(ul);
    box.append(b);
  }
  if (lastCheck && lastCheck.summary) box.append(el("p", { class: "help", text: lastCheck.summary }));
  for (const m of messages) {
    const t = target(m.path);
    if (!t) continue;
    const id = t.el.classList.contains("field") || t.el.tagName === "FIELDSET" ? fid(t.path) : null;
    const out = id && $(id + "-melding");
    if (out) {
      out.textContent = (out.textContent ? out.textContent + " " : "") + m.message;
      out.className = "msg " + (m.severity === "feil" ? "feil" : "advarsel");
      const input = $(id);
      if (input && m.severity === "feil") input.setAttribute("aria-invalid", "true");
    }
  }
}

function link(m) {
  const t = m.path ? m.path.split(".").map((x) => (/^\d+$/.test(x) ? +x + 1 : label(x))).join(" › ") : "";
  return el("button", { type: "button", class: "link", text: (t ? t + ": " : "") + m.message + " (linje " + m.line + ")", title: m.text, onclick: () => goTo(m.path) });
}

function goTo(path) {
  const t = target(path);
  if (!t) return;
  let d = t.el.closest("details");
  if (d) d.open = true;
  const f = t.el.querySelector("input, select, textarea") || t.el;
  f.focus();
  f.scrollIntoView({ block: "center" });
}

const draftKey = () => "samarbeid-utkast:" + (state ? state.file : "");

function showSaved(text) {
  $("lagret").textContent = text || (dirty ? "Endringer som ikke er lagret" : state.exists ? "Alt er lagret" : "Ny fil – ikke lagret ennå");
}

async function save() {
  const r = await post("api/save", { doc, version: state.version });
  if (r.status === 409) {
    banner("error", "Filen er endret utenfor editoren", r.body.error, [["Last inn filen på nytt", load], ["Behold skjemaet", () => {}]]);
    return false;
  }
  if (r.status !== 200) { banner("error", "Kunne ikke lagre", r.body.error || ""); return false; }
  state.version = r.body.version;
  state.exists = true;
  dirty = false;
  localStorage.removeItem(draftKey());
  showSaved(r.body.saved ? "Lagret " + new Date().toLocaleTimeString("nb-NO") : "Ingen endringer å lagre");
  return true;
}

async function generate() {
  if ((dirty || !state.exists) && !(await save())) return;
  const res = $("resultat");
  res.replaceChildren(el("p", { role: "status", text: "Lager dokumentene …" }));
  const r = await post("api/generate", { dir: $("mappe").value });
  if (r.status !== 200) { res.replaceChildren(el("p", { role: "alert", class: "msg feil", text: r.body.error || "Kunne ikke lage dokumentene" })); return; }
  const ul = el("ul");
  for (const f of r.body.files) ul.append(el("li", {}, el("a", { href: "ut/" + f.split("/").map(encodeURIComponent).join("/"), target: "_blank", rel: "noopener", text: f })));
  res.replaceChildren(el("h2", { text: "Dokumentene er laget i " + r.body.dir }), el("p", { text: r.body.summary }), ul);
  res.scrollIntoView();
}

async function load() {
  const r = await fetch("api/state", { headers: { "X-Samarbeid-CSRF": csrf } });
  state = await r.json();
  schema = state.schema;
  doc = state.doc;
  dirty = false;
  $("mappe").value = state.outDir;
  $("meldinger").replaceChildren();
  if (state.error) banner("error", "Filen kan ikke leses", state.error);
  const saved = JSON.parse(localStorage.getItem(draftKey()) || "null");
  if (saved && saved.version === state.version && JSON.stringify(saved.doc) !== JSON.stringify(doc)) {
    banner("draft", "Du har endringer som ikke ble lagret", "Fra " + new Date(saved.time).toLocaleString("nb-NO") + ".",
      [["Hent dem tilbake", () => { doc = saved.doc; touch(); render(); }], ["Forkast dem", () => localStorage.removeItem(draftKey())]]);
  }
  $("form").replaceChildren();
  render();
  showSaved();
  check();
}

document.addEventListener("DOMContentLoaded", () => {
  $("lagre").addEventListener("click", save);
  $("lag").addEventListener("click", generate);
  $("dokument").addEventListener("change", (e) => { page = e.target.value; showPage(); });
  document.addEventListener("keydown", (e) => { if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); } });
  window.addEventListener("beforeunload", (e) => { if (dirty) e.preventDefault(); });
  setInterval(() => { if (!gone) post("api/ping", {}).catch(() => {}); }, 30000);
  load();
});
