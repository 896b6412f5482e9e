// The class dashboard: polls the host's class API with the instructor's token (from the URL's
// #token=… fragment, never sent in a URL to the server) and redraws the page. Text from the host
// is always set with textContent, never parsed as HTML.
"use strict";

const POLL_MS = 1000;
const state = { token: "", view: null, reportShown: false, reportFor: -1 };

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
  if (response.status === 401) { throw new Error("The instructor's token is missing or wrong: open the dashboard with the address the host printed."); }
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
    row.append(el("td", s.over ? "finished" : `${s.month} of ${view.months_total}`, "num"));
    row.append(el("td", s.score === null ? "…" : s.score.toFixed(1), "num score"));
    row.append(el("td", s.threats_pending, "num"));
    row.append(el("td", `${s.deals_in_force} / ${s.deals_signed}`, "num"));
    row.append(el("td", s.check, "check-" + s.check.split(" ")[0]));
    row.append(el("td", s.updated ? s.updated.slice(11, 19) : ""));
    body.append(row);
  }
  document.getElementById("count").textContent = view.students.length;
}

function drawControls(view) {
  document.getElementById("game").textContent =
    `Scenario ${view.scenario}, mandate ${view.mandate}, seed ${view.seed}, ${view.months_total} months`;
  document.getElementById("code").textContent = view.code;
  const pill = document.getElementById("hold-state");
  pill.textContent = view.hold ? (view.hold_month ? `Held before month ${view.hold_month} ends` : "Held at the month's end") : "Playing";
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
    ? "Injected: " + view.injects.map(i => i.event + (i.country ? " (" + i.country + ")" : "")).join(", ") : "";
}

function drawPlaces() {
  const view = state.view;
  const place = document.getElementById("place");
  place.replaceChildren();
  const chosen = view.events.find(e => e.id === document.getElementById("event").value);
  const all = el("option", chosen && chosen.places.length ? "every place it can happen" : "the whole region");
  all.value = "";
  place.append(all);
  for (const p of (chosen ? chosen.places : [])) {
    const option = el("option", p);
    option.value = p;
    place.append(option);
  }
}

async function drawReport() {
  const data = await (await api("/api/class/report")).json();
  const head = document.querySelector("#report-rows thead");
  const body = document.querySelector("#report-rows tbody");
  const wanted = ["player", "mandate", "months", "finished", "check", "total", ...data.objectives.map(o => "obj_" + o),
    "agreements_signed", "credibility_end", "reading"];
  const index = wanted.map(name => data.header.indexOf(name));
  const headRow = el("tr");
  wanted.forEach(name => headRow.append(el("th", name.replace("obj_", "").replace(/_/g, " "))));
  head.replaceChildren(headRow);
  body.replaceChildren();
  for (const cells of data.rows) {
    const row = el("tr");
    index.forEach(i => {
      const value = cells[i];
      row.append(el("td", typeof value === "number" ? (Number.isInteger(value) ? value : value.toFixed(2)) : value,
        typeof value === "number" ? "num" : ""));
    });
    body.append(row);
  }
  const groups = document.getElementById("report-groups");
  groups.replaceChildren();
  for (const g of data.groups) {
    const t = g.total;
    groups.append(el("p", `Mandate ${g.mandate}: ${t.n} record(s), total mean ${t.mean} (sd ${t.sd}, ` +
      `min ${t.min}, median ${t.median}, max ${t.max}); agreements signed, mean ${g.agreements_signed.mean}.`));
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
    problem(error.message === "Failed to fetch" ? "The host cannot be reached; retrying…" : error.message);
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
