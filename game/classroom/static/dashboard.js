// The class dashboard: polls the host's class API with the instructor's token (from the URL's
// #token=… fragment, never sent in a URL to the server) and redraws the page. Text from the host
// is always set with textContent, never parsed as HTML. Its words, in the host's language, and the
// language's decimal mark and digit grouping come with the page (the body's data-strings attribute).
"use strict";

const POLL_MS = 1000;
const state = { token: "", view: null, reportShown: false, reportFor: -1 };
const WORDS = JSON.parse(document.body.dataset.strings);

// The message `key` with its {name} fields filled from `values`.
function t(key, values) {
  return WORDS.text[key].replace(/\{(\w+)\}/g, (whole, name) => (values && name in values ? String(values[name]) : whole));
}

// A number with `decimals` decimals (a whole number as it is), written the language's way.
function num(value, decimals) {
  if (typeof value !== "number") { return value; }
  const text = Number.isInteger(value) && decimals === undefined ? String(value) : value.toFixed(decimals === undefined ? 2 : decimals);
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, WORDS.group);
  return fraction === undefined ? grouped : grouped + WORDS.decimal + fraction;
}

// What the page shows for a scenario's, mandate's or country's id.
function named(kind, id) {
  return (WORDS.names[kind] && WORDS.names[kind][id]) || id;
}

function checkText(check) {
  return WORDS.checks[check] || check;
}

function readToken() {
  const match = /token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem("pp-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", window.location.pathname);
  }
  return sessionStorage.getItem("pp-token") || "";
}

async function api(path, body) {
  const options = { headers: { "Authorization": "Bearer " + state.token } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401) { throw new Error(t("bad_token")); }
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON: keep the status text */ }
    throw new Error(message);
  }
  return response;
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
}

function problem(text) {
  const box = document.getElementById("problem");
  box.hidden = !text;
  box.textContent = text || "";
}

function drawStudents(view) {
  const body = document.querySelector("#students tbody");
  body.replaceChildren();
  for (const s of view.students) {
    const row = el("tr");
    row.dataset.student = s.id;
    if (s.over) { row.className = "over"; }
    row.append(el("td", s.name));
    row.append(el("td", s.over ? t("finished") : t("month_of", { month: num(s.month), months: num(view.months_total) }), "num"));
    row.append(el("td", s.score === null ? "…" : num(s.score, 1), "num score"));
    row.append(el("td", num(s.threats_pending), "num"));
    row.append(el("td", `${num(s.deals_in_force)} / ${num(s.deals_signed)}`, "num"));
    row.append(el("td", checkText(s.check), "check-" + s.check.split(" ")[0]));
    row.append(el("td", s.updated ? s.updated.slice(11, 19) : ""));
    body.append(row);
  }
  document.getElementById("count").textContent = view.students.length;
}

function drawControls(view) {
  document.getElementById("game").textContent =
    t("game", { scenario: named("scenarios", view.scenario), mandate: named("mandates", view.mandate), seed: view.seed, months: num(view.months_total) });
  document.getElementById("code").textContent = view.code;
  const pill = document.getElementById("hold-state");
  pill.textContent = view.hold ? (view.hold_month ? t("held_before", { month: num(view.hold_month) }) : t("held")) : t("playing");
  pill.className = view.hold ? "pill held" : "pill";
  const select = document.getElementById("event");
  if (!select.options.length) {
    for (const e of view.events) {
      const option = el("option", e.title);
      option.value = e.id;
      select.append(option);
    }
    drawPlaces();
  }
  document.getElementById("injects").textContent = view.injects.length
    ? t("injected", { events: view.injects.map(i => eventTitle(i.event) + (i.country ? " (" + named("countries", i.country) + ")" : "")).join(", ") })
    : "";
}

function eventTitle(id) {
  const found = state.view.events.find(e => e.id === id);
  return found ? found.title : id;
}

function drawPlaces() {
  const view = state.view;
  const place = document.getElementById("place");
  place.replaceChildren();
  const chosen = view.events.find(e => e.id === document.getElementById("event").value);
  const all = el("option", chosen && chosen.places.length ? t("every_place") : t("whole_region"));
  all.value = "";
  place.append(all);
  for (const p of (chosen ? chosen.places : [])) {
    const option = el("option", named("countries", p));
    option.value = p;
    place.append(option);
  }
}

async function drawReport() {
  const data = await (await api("/api/class/report")).json();
  const head = document.querySelector("#report-rows thead");
  const body = document.querySelector("#report-rows tbody");
  const wanted = ["player", "mandate", "months", "finished", "check", "score_total", ...data.objectives.map(o => "gain_" + o),
    "agreements_signed_count", "credibility_at_end", "reading_score"].filter(name => data.header.includes(name));
  const index = wanted.map(name => data.header.indexOf(name));
  const headRow = el("tr");
  wanted.forEach(name => headRow.append(el("th", WORDS.columns[name] || name)));
  head.replaceChildren(headRow);
  body.replaceChildren();
  for (const cells of data.rows) {
    const row = el("tr");
    index.forEach(i => {
      const value = cells[i];
      const shown = typeof value === "number" ? num(value) : data.header[i] === "finished" ? t(value === "yes" ? "yes" : "no")
        : data.header[i] === "check" ? checkText(value) : data.header[i] === "mandate" ? named("mandates", value) : value;
      row.append(el("td", shown, typeof value === "number" ? "num" : ""));
    });
    body.append(row);
  }
  const groups = document.getElementById("report-groups");
  groups.replaceChildren();
  for (const g of data.groups) {
    const total = g.total;
    groups.append(el("p", t("group", { mandate: named("mandates", g.mandate), n: num(total.n), mean: num(total.mean), sd: num(total.sd),
      min: num(total.min), median: num(total.median), max: num(total.max), agreements: num(g.agreements_signed.mean) })));
  }
  document.getElementById("report").hidden = false;
  const page = await (await api("/api/class/report.html")).blob();
  const link = document.getElementById("report-file");
  if (link.href.startsWith("blob:")) { URL.revokeObjectURL(link.href); }
  link.href = URL.createObjectURL(page);
  link.hidden = false;
}

async function poll() {
  try {
    const view = await (await api("/api/class")).json();
    state.view = view;
    drawControls(view);
    drawStudents(view);
    const done = view.students.length > 0 && view.students.every(s => s.over && s.check !== "pending");
    const finished = view.students.filter(s => s.over).length;
    if ((done || state.reportShown) && state.reportFor !== finished) {
      state.reportFor = finished;
      await drawReport();
    }
    problem("");
  } catch (error) {
    problem(error.message === "Failed to fetch" ? t("unreachable") : error.message);
  }
  window.setTimeout(poll, POLL_MS);
}

function act(path, body) {
  api(path, body).then(() => problem("")).catch(error => problem(error.message));
}

function wire() {
  document.getElementById("hold-now").addEventListener("click", () => act("/api/class/hold", { hold: true, month: null }));
  document.getElementById("hold-at").addEventListener("click", () =>
    act("/api/class/hold", { hold: true, month: parseInt(document.getElementById("hold-month").value, 10) || 1 }));
  document.getElementById("release").addEventListener("click", () => act("/api/class/hold", { hold: false, month: null }));
  document.getElementById("event").addEventListener("change", drawPlaces);
  document.getElementById("inject").addEventListener("click", () =>
    act("/api/class/inject", { event: document.getElementById("event").value, country: document.getElementById("place").value }));
  document.getElementById("show-scores").addEventListener("change", event =>
    document.body.classList.toggle("hide-scores", !event.target.checked));
  document.getElementById("show-report").addEventListener("click", () => {
    state.reportShown = true;
    state.reportFor = -1;
    drawReport().catch(error => problem(error.message));
  });
}

state.token = readToken();
wire();
poll();
