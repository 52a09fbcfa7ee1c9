// The ocrmesh console: signs in with an API key (kept in this tab's sessionStorage, sent as
// X-API-Key, never put in a URL) and calls the gateway's REST API. No build step, no library.

const KEY_STORE = "ocrmesh.key";
const BACKENDS = ["pdftext", "tesseract", "surya", "gotocr", "deepseek"];
const FIELD_COLOURS = ["#0b5fff", "#b5179e", "#0a7d3b", "#c2410c", "#6d28d9", "#0e7490"];
const body = document.body;
const MESSAGES = JSON.parse(document.getElementById("messages").textContent);
const MAX_UPLOAD_MB = Number(body.dataset.maxUploadMb);
const MAX_BATCH_MB = Number(body.dataset.maxBatchMb);

const $ = (id) => document.getElementById(id);
const state = { caller: null, view: null, healthTimer: null, inspect: null, batchRows: [], batchJob: null };

// ------------------------------------------------------------------ words and messages

function t(name, vars = {}) {
  return (MESSAGES[name] ?? name).replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

// A job's, document's or run's status in the console's language.
const statusWord = (status) => (MESSAGES[`status_${status}`] ?? status);

function show(text, kind = "error") {
  const box = $("message");
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = !text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

// ------------------------------------------------------------------ the API

class ApiProblem extends Error {
  constructor(status, body, retryAfter) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code ?? "";
    this.retryAfter = retryAfter;
  }
}

async function api(path, { method = "GET", form = null, key = sessionStorage.getItem(KEY_STORE), raw = false } = {}) {
  const headers = {};
  if (key) headers["X-API-Key"] = key;
  let response;
  try {
    response = await fetch(path, { method, headers, body: form, credentials: "omit", cache: "no-store" });
  } catch {
    throw new ApiProblem(0, { error: { message: t("unreachable") } });
  }
  if (!response.ok) {
    let detail = null;
    try { detail = await response.json(); } catch { /* not JSON */ }
    const problem = new ApiProblem(response.status, detail, response.headers.get("Retry-After"));
    if (response.status === 401 && state.caller?.auth_required) {
      signOut();  // the key was revoked or rotated meanwhile: sign in again
      show(t("bad_key"));
    }
    throw problem;
  }
  return raw ? response : response.json();
}

// A clear German (or English) sentence for every refusal the API can give.
function explain(problem, fileName = "") {
  if (!(problem instanceof ApiProblem)) return t("failed", { status: "?", message: String(problem) });
  switch (problem.status) {
    case 0: return t("unreachable");
    case 401: return t("bad_key");
    case 403: return t("forbidden", { message: problem.message });
    case 413: return t("too_large", { name: fileName, size: "?", limit: MAX_UPLOAD_MB });
    case 415: return t("unsupported", { name: fileName });
    case 429: return t("rate_limited", { seconds: problem.retryAfter ?? "?" });
    case 503: case 504: return t("unavailable");
    case 422:
      if (problem.code === "backend_declined") return t("declined", { message: problem.message });
      if (problem.code === "unreadable_document") return t("unreadable", { message: problem.message });
      return t("failed", { status: 422, message: problem.message });
    default: return t("failed", { status: problem.status, message: problem.message });
  }
}

function checkSize(files, limitMb) {
  for (const file of files) {
    if (file.size > limitMb * 1024 * 1024) {
      return t("too_large", { name: file.name, size: (file.size / 1048576).toFixed(1), limit: limitMb });
    }
  }
  return "";
}

// ------------------------------------------------------------------ sign in, views

const allows = (scope) => !scope || state.caller.scopes.includes("admin") || state.caller.scopes.includes(scope);

async function signIn(key) {
  const caller = await api("/api/v1/auth/caller", { key });
  if (key) sessionStorage.setItem(KEY_STORE, key);
  state.caller = caller;
  $("who").textContent = caller.auth_required ? t("signed_in", { name: caller.name }) : t("no_auth");
  $("sign-out").hidden = !caller.auth_required;
  for (const button of document.querySelectorAll("#nav button")) button.hidden = !allows(button.dataset.scope);
  $("nav").hidden = false;
  fillBackendChoices();
  const first = [...document.querySelectorAll("#nav button")].find((b) => !b.hidden);
  openView(first.dataset.view);
}

function signOut() {
  sessionStorage.removeItem(KEY_STORE);
  state.caller = null;
  $("nav").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  openView("signin");
}

function openView(name) {
  state.view = name;
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${name}`;
  for (const button of document.querySelectorAll("#nav button")) {
    if (button.dataset.view === name) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  // The screen's heading takes the focus: a screen reader announces it, Tab continues into the screen.
  document.querySelector(`#view-${name} h2`)?.focus();
  clearInterval(state.healthTimer);
  if (name === "health") {
    refreshHealth();
    state.healthTimer = setInterval(refreshHealth, 2000);
  }
  show("");
}

function fillBackendChoices() {
  for (const select of document.querySelectorAll(".backend-select")) {
    select.querySelectorAll("option:not([value=auto])").forEach((o) => o.remove());
    for (const name of BACKENDS) select.append(el("option", { value: name, text: name }));
  }
  for (const box of document.querySelectorAll(".backend-checks")) {
    box.replaceChildren();
    for (const name of BACKENDS) {
      const id = `${box.id}-${name}`;
      const input = el("input", { type: "checkbox", id, value: name });
      if (name === "pdftext" || name === "tesseract") input.checked = true;
      box.append(el("label", { class: "inline", for: id }, input, ` ${name}`));
    }
  }
}

const checkedBackends = (boxId) => [...$(boxId).querySelectorAll("input:checked")].map((i) => i.value);

// Files dropped on a form land in its file input; a dropped folder gives its files (and its subfolders').
function enableDrop(form) {
  const input = $(form.dataset.drop);
  form.addEventListener("dragover", (event) => { event.preventDefault(); form.classList.add("over"); });
  form.addEventListener("dragleave", () => form.classList.remove("over"));
  form.addEventListener("drop", async (event) => {
    event.preventDefault();
    form.classList.remove("over");
    const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
    if (!entries.some((entry) => entry.isDirectory)) {
      input.files = event.dataTransfer.files;
      return;
    }
    const gathered = new DataTransfer();
    for (const file of (await Promise.all(entries.map(filesOf))).flat()) gathered.items.add(file);
    input.files = gathered.files;
  });
}

async function filesOf(entry) {
  if (entry.isFile) return [await new Promise((resolve, reject) => entry.file(resolve, reject))];
  const reader = entry.createReader();
  const children = [];
  for (;;) {  // readEntries gives at most 100 at a time
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(filesOf))).flat();
}

// ------------------------------------------------------------------ inspect

async function inspect(event) {
  event.preventDefault();
  const file = $("inspect-file").files[0];
  if (!file) return show(t("no_file"));
  const tooLarge = checkSize([file], MAX_UPLOAD_MB);
  if (tooLarge) return show(tooLarge);
  const form = new FormData();
  form.append("file", file);
  form.append("backend", $("inspect-backend").value);
  show(t("working"), "info");
  try {
    const result = await api("/api/v1/ocr/process", { method: "POST", form });
    state.inspect = { file, result };
    show("");
    renderInspection(result);
  } catch (problem) {
    $("inspect-result").hidden = true;
    show(explain(problem, file.name));
  }
}

function renderInspection(result) {
  $("inspect-result").hidden = false;
  const pages = result.pages;
  const seconds = pages.length ? pages.reduce((s, p) => s + p.timings.total_seconds, 0) / pages.length : 0;
  $("inspect-summary").replaceChildren(
    el("strong", { text: result.document_type?.type ?? "–", "data-testid": "doctype" }),
    ` · ${result.backend_used} · ${t("per_page", { seconds: seconds.toFixed(2) })}`,
  );
  const structured = result.text.structured;
  const banner = $("review-banner");
  banner.textContent = structured.needs_review ? t("needs_review") : t("all_checks_held");
  banner.className = structured.needs_review ? "banner review" : "banner ok";
  renderFields(result);
  renderChecks(structured.validation);
  const pageRows = $("pages-table").tBodies[0];
  pageRows.replaceChildren(...pages.map((p) => el("tr", {},
    el("td", { text: p.page_number }), el("td", { text: p.backend }), el("td", { text: p.kind }),
    el("td", { text: p.timings.total_seconds.toFixed(2) }), el("td", { text: `${Math.round(p.confidence * 100)} %` }))));
  showText(false);
  const pageSelect = $("inspect-page");
  pageSelect.replaceChildren(...pages.map((p) => el("option", { value: p.page_number, text: p.page_number })));
  showPage(pages.length ? pages[0].page_number : 0);
}

// The document's text as read, or its Markdown (each page's, as the backends wrote it).
function showText(markdown) {
  const { result } = state.inspect;
  $("inspect-text").textContent = markdown
    ? result.pages.map((p) => p.markdown ?? "").filter(Boolean).join("\n\n---\n\n")
    : result.text.raw;
  $("show-text").setAttribute("aria-pressed", String(!markdown));
  $("show-markdown").setAttribute("aria-pressed", String(markdown));
}

function renderFields(result) {
  const editable = allows("admin");
  $("learn-box").hidden = !editable;
  const rows = result.fields.map((field, index) => {
    const value = editable
      ? el("td", {}, el("input", { value: field.value, "data-original": field.value, "data-name": field.name, "aria-label": t("value_of", { name: field.name }) }))
      : el("td", { text: field.value });
    const row = el("tr", { "data-field": field.name, tabindex: "0" },
      el("th", { scope: "row", text: field.name }),
      value,
      el("td", { text: `${Math.round(field.confidence * 100)} %` }),
      el("td", { text: field.valid === false ? t("failed_check") : field.valid === true ? t("held") : "" }));
    if (field.valid === false || field.issues.length) row.classList.add("flagged");
    row.style.setProperty("--field-colour", FIELD_COLOURS[index % FIELD_COLOURS.length]);
    row.addEventListener("focus", () => highlightBox(field.name));
    row.addEventListener("mouseenter", () => highlightBox(field.name));
    return row;
  });
  $("fields-table").tBodies[0].replaceChildren(...rows);
}

// Corrected values teach the router where this supplier prints its fields (admin keys).
async function learnSupplier() {
  const { file } = state.inspect;
  const corrections = {};
  for (const input of document.querySelectorAll("#fields-table input[data-name]")) {
    if (input.value !== input.dataset.original) corrections[input.dataset.name] = input.value.trim();
  }
  const form = new FormData();
  form.append("file", file);
  form.append("corrections", JSON.stringify(corrections));
  show(t("working"), "info");
  try {
    const learned = await api("/api/v1/suppliers/learn", { method: "POST", form });
    show(t("learned", { name: learned.name || learned.supplier_id, fields: learned.learned_fields.join(", ") }), "info");
  } catch (problem) {
    show(explain(problem, file.name));
  }
}

function renderChecks(validation) {
  const list = $("checks-list");
  list.replaceChildren();
  if (!validation) return;
  for (const name of validation.held) list.append(el("li", { class: "held", text: `✓ ${name}: ${t("held")}` }));
  for (const name of validation.failed) list.append(el("li", { class: "failed", text: `✗ ${name}: ${t("failed_check")}` }));
  for (const name of validation.missing) list.append(el("li", { class: "failed", text: `✗ ${name}: ${t("missing")}` }));
  for (const reason of validation.reasons) list.append(el("li", { class: "reason", text: reason }));
}

async function showPage(pageNumber) {
  const { file, result } = state.inspect;
  const image = $("page-image");
  const note = $("page-note");
  $("page-boxes").replaceChildren();
  if (!pageNumber) {
    image.hidden = true;
    note.textContent = t("no_image");
    note.hidden = false;
    return;
  }
  const page = result.pages.find((p) => p.page_number === pageNumber);
  const form = new FormData();
  form.append("file", file);
  form.append("page", String(pageNumber));
  form.append("rotation", String(page?.quality?.rotation_degrees ?? 0));
  try {
    const response = await api("/api/v1/ocr/preview", { method: "POST", form, raw: true });
    const blob = await response.blob();
    if (image.src.startsWith("blob:")) URL.revokeObjectURL(image.src);
    image.src = URL.createObjectURL(blob);
    image.alt = t("page_alt", { page: pageNumber });
    image.hidden = false;
    note.hidden = true;
  } catch (problem) {
    image.hidden = true;
    note.textContent = explain(problem, file.name);
    note.hidden = false;
  }
  drawBoxes(result, pageNumber);
}

function drawBoxes(result, pageNumber) {
  const layer = $("page-boxes");
  const boxes = result.fields.map((field, index) => {
    if (!field.box || (field.page ?? pageNumber) !== pageNumber) return null;
    const { x0, y0, x1, y1 } = field.box;
    const box = el("div", { class: "field-box", "data-field": field.name, title: `${field.name}: ${field.value}` });
    Object.assign(box.style, {
      left: `${x0 * 100}%`, top: `${y0 * 100}%`, width: `${(x1 - x0) * 100}%`, height: `${(y1 - y0) * 100}%`,
      borderColor: FIELD_COLOURS[index % FIELD_COLOURS.length],
    });
    return box;
  }).filter(Boolean);
  layer.replaceChildren(...boxes);
}

function highlightBox(name) {
  for (const box of document.querySelectorAll(".field-box")) box.classList.toggle("active", box.dataset.field === name);
}

async function downloadMarkdown() {
  const { file } = state.inspect;
  const form = new FormData();
  form.append("file", file);
  form.append("backend", $("inspect-backend").value);
  form.append("format", "markdown");
  try {
    const response = await api("/api/v1/ocr/process", { method: "POST", form, raw: true });
    saveBlob(await response.blob(), file.name.replace(/\.[^.]+$/, "") + ".md");
  } catch (problem) {
    show(explain(problem, file.name));
  }
}

function saveBlob(blob, name) {
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

// ------------------------------------------------------------------ compare

async function compare(event) {
  event.preventDefault();
  const file = $("compare-file").files[0];
  if (!file) return show(t("no_file"));
  const backends = checkedBackends("compare-backends");
  if (backends.length < 2) return show(t("two_backends"));
  const tooLarge = checkSize([file], MAX_UPLOAD_MB);
  if (tooLarge) return show(tooLarge);
  const form = new FormData();
  form.append("file", file);
  form.append("backends", backends.join(","));
  show(t("working"), "info");
  try {
    const result = await api("/api/v1/ocr/compare", { method: "POST", form });
    show("");
    renderComparison(result);
  } catch (problem) {
    $("compare-result").hidden = true;
    show(explain(problem, file.name));
  }
}

function renderComparison(result) {
  $("compare-result").hidden = false;
  $("compare-columns").replaceChildren(...result.entries.map((entry) => {
    const column = el("div", { class: "column", "data-backend": entry.backend }, el("h3", { text: entry.backend }));
    if (entry.error) {
      column.append(el("p", { class: "failed", text: explain(new ApiProblem(entry.error.details.status ?? 502, { error: entry.error })) }));
      return column;
    }
    const pages = entry.result.pages;
    const perPage = pages.length ? pages.reduce((s, p) => s + p.timings.total_seconds, 0) / pages.length : 0;
    column.append(
      el("p", { class: "per-page", text: t("per_page", { seconds: perPage.toFixed(2) }) }),
      el("p", { text: t("confidence_value", { value: Math.round(entry.result.confidence * 100) }) }),
      el("pre", { text: entry.result.text.raw, tabindex: "0" }));
    return column;
  }));
  const names = result.entries.map((e) => e.backend);
  $("compare-fields").tHead.replaceChildren(el("tr", {}, el("th", { scope: "col", text: "" }),
    ...names.map((n) => el("th", { scope: "col", text: n })), el("th", { scope: "col", text: "" })));
  $("compare-fields").tBodies[0].replaceChildren(...result.fields.map((field) => el("tr", { class: field.agree ? "agree" : "differ", "data-field": field.name },
    el("th", { scope: "row", text: field.name }),
    ...names.map((n) => el("td", { text: field.values[n] ?? "–" })),
    el("td", { text: field.agree ? t("agree") : t("differ") }))));
  $("compare-diff").replaceChildren(...result.text.map((pair) => {
    const block = el("div", { class: "diff" }, el("h4", { text: `${pair.backend_a} ↔ ${pair.backend_b} · ${t("similarity", { value: Math.round(pair.similarity * 100) })}` }));
    const text = el("p", { class: "diff-text" });
    for (const segment of pair.segments) {
      if (segment.op === "equal") text.append(`${segment.a} `);
      if (segment.op === "delete" || segment.op === "replace") text.append(el("del", { text: segment.a, title: pair.backend_a }), " ");
      if (segment.op === "insert" || segment.op === "replace") text.append(el("ins", { text: segment.b, title: pair.backend_b }), " ");
    }
    block.append(text);
    return block;
  }));
}

// ------------------------------------------------------------------ batches

async function startBatch(event) {
  event.preventDefault();
  const files = [...$("batch-files").files];
  if (!files.length) return show(t("no_files"));
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > MAX_BATCH_MB * 1048576) return show(t("too_large", { name: files.length > 1 ? "…" : files[0].name, size: (total / 1048576).toFixed(1), limit: MAX_BATCH_MB }));
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  form.append("backend", $("batch-backend").value);
  show("");
  try {
    const accepted = await api("/api/v1/ocr/batch", { method: "POST", form });
    state.batchJob = accepted.job_id;
    $("batch-live").hidden = false;
    $("batch-results").hidden = true;
    updateBatchStatus(accepted);
    await watchBatch(accepted.job_id);
  } catch (problem) {
    show(explain(problem, files.length === 1 ? files[0].name : ""));
  }
}

function updateBatchStatus(job) {
  const done = job.progress.processed ?? 0;
  const total = job.total_documents ?? job.progress.total;
  $("batch-progress").max = total || 1;
  $("batch-progress").value = done;
  $("batch-status").textContent = t("job_status", { id: job.job_id, status: statusWord(job.status), done, total });
}

// Server-sent events read with fetch (EventSource cannot send the key header).
async function watchBatch(jobId) {
  const response = await api(`/api/v1/ocr/job/${encodeURIComponent(jobId)}/events`, { raw: true });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      if (!data) continue;
      const payload = JSON.parse(data);
      if (payload.job_id && payload.progress) updateBatchStatus(payload);
    }
  }
  const job = await api(`/api/v1/ocr/job/${encodeURIComponent(jobId)}`);
  updateBatchStatus(job);
  showBatchResults(job);
}

function batchRow(doc) {
  const s = doc.result?.text?.structured ?? {};
  return {
    file: doc.filename,
    status: doc.status,
    type: doc.result?.document_type?.type ?? "",
    supplier: s.lieferant ?? s.absender ?? "",
    total: s.betrag_brutto ?? "",
    review: doc.result ? Boolean(s.needs_review) : true,
    doc,
  };
}

function showBatchResults(job) {
  state.batchRows = job.results.map(batchRow);
  $("batch-results").hidden = false;
  const types = [...new Set(state.batchRows.map((r) => r.type).filter(Boolean))].sort();
  const typeSelect = $("filter-type");
  typeSelect.querySelectorAll("option:not([value=''])").forEach((o) => o.remove());
  for (const type of types) typeSelect.append(el("option", { value: type, text: type }));
  renderBatchTable();
  const jsonl = state.batchRows.map((r) => JSON.stringify(r.doc)).join("\n") + "\n";
  setDownload("download-jsonl", new Blob([jsonl], { type: "application/jsonl" }));
  setDownload("download-csv", new Blob([toCsv(state.batchRows)], { type: "text/csv;charset=utf-8" }));
}

function setDownload(id, blob) {
  const link = $(id);
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(blob);
}

// One row per document: file, status, type, review, then every field any document has (as `ocrmesh batch --csv`).
function toCsv(rows) {
  const quote = (v) => `"${String(v ?? "").replace(/"/g, '""')}"`;
  const skip = new Set(["needs_review", "validation", "positionen"]);
  const names = [];
  for (const r of rows) {
    for (const name of Object.keys(r.doc.result?.text?.structured ?? {})) if (!skip.has(name) && !names.includes(name)) names.push(name);
  }
  const cell = (value) => (Array.isArray(value) ? value.join("; ") : value);
  const header = ["datei", "status", "typ", "pruefen", ...names];
  const lines = rows.map((r) => {
    const s = r.doc.result?.text?.structured ?? {};
    return [r.file, r.status, r.type, r.review ? "ja" : "nein", ...names.map((n) => cell(s[n]))].map(quote).join(";");
  });
  return "\ufeff" + [header.join(";"), ...lines].join("\r\n") + "\r\n";
}

function renderBatchTable() {
  const onlyReview = $("filter-review").checked;
  const type = $("filter-type").value;
  const supplier = $("filter-supplier").value.trim().toLowerCase();
  const rows = state.batchRows.filter((r) => (!onlyReview || r.review) && (!type || r.type === type)
    && (!supplier || r.supplier.toLowerCase().includes(supplier)));
  $("batch-table").tBodies[0].replaceChildren(...rows.map((r) => el("tr", { class: r.review ? "flagged" : "" },
    el("td", { text: r.file }), el("td", { text: statusWord(r.status), "data-status": r.status }), el("td", { text: r.type }),
    el("td", { text: r.supplier }), el("td", { text: r.total === "" ? "" : Number(r.total).toFixed(2) }),
    el("td", { text: r.review ? t("word_yes") : t("word_no") }))));
}

// ------------------------------------------------------------------ benchmarks

async function startBenchmark(event) {
  event.preventDefault();
  const files = [...$("bench-files").files];
  if (!files.length) return show(t("no_files"));
  const backends = checkedBackends("bench-backends");
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  for (const file of $("bench-truth").files) form.append("truth", file, file.name);
  form.append("backends", backends.join(","));
  show("");
  try {
    let run = await api("/api/v1/benchmark/run", { method: "POST", form });
    $("bench-live").hidden = false;
    $("bench-results").hidden = true;
    while (!["completed", "failed", "cancelled"].includes(run.status)) {
      updateBenchStatus(run);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      run = await api(`/api/v1/benchmark/${encodeURIComponent(run.benchmark_id)}`);
    }
    updateBenchStatus(run);
    showBenchResults(run);
  } catch (problem) {
    show(explain(problem));
  }
}

function updateBenchStatus(run) {
  const done = run.progress?.done ?? 0;
  const total = run.progress?.total ?? 0;
  $("bench-progress").max = total || 1;
  $("bench-progress").value = done;
  $("bench-status").textContent = t("bench_status", { id: run.benchmark_id, status: statusWord(run.status), done, total });
}

function showBenchResults(run) {
  state.benchId = run.benchmark_id;
  $("bench-results").hidden = false;
  const entries = Object.entries(run.results ?? {});
  $("bench-table").tBodies[0].replaceChildren(...entries.map(([name, r]) => el("tr", { "data-backend": name },
    el("th", { scope: "row", text: name }), el("td", { text: (r.avg_time ?? 0).toFixed(3) }),
    el("td", { text: r.accuracy == null ? "–" : `${(r.accuracy * 100).toFixed(1)} %` }),
    el("td", { text: (r.vram_usage ?? r.ram_usage ?? 0).toFixed(2) }))));
  $("bench-chart").replaceChildren(
    el("h4", { text: t("chart_time") }), barChart(entries.map(([name, r]) => [name, r.avg_time ?? 0]), "s"),
    el("h4", { text: t("chart_accuracy") }), barChart(entries.map(([name, r]) => [name, (r.accuracy ?? 0) * 100]), "%"));
}

// A horizontal bar chart as SVG (one bar per backend).
function barChart(pairs, unit) {
  const ns = "http://www.w3.org/2000/svg";
  const width = 360, row = 24, left = 90;
  const max = Math.max(...pairs.map(([, v]) => v), 1e-9);
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${pairs.length * row + 4}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", pairs.map(([n, v]) => `${n}: ${v.toFixed(2)} ${unit}`).join(", "));
  pairs.forEach(([name, value], i) => {
    const y = i * row + 2;
    const label = document.createElementNS(ns, "text");
    Object.entries({ x: 0, y: y + 16 }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = name;
    const bar = document.createElementNS(ns, "rect");
    const w = Math.max(1, (value / max) * (width - left - 70));
    Object.entries({ x: left, y: y + 3, width: w, height: row - 8, class: "bar" }).forEach(([k, v]) => bar.setAttribute(k, v));
    const figure = document.createElementNS(ns, "text");
    Object.entries({ x: left + w + 4, y: y + 16 }).forEach(([k, v]) => figure.setAttribute(k, v));
    figure.textContent = `${value.toFixed(2)} ${unit}`;
    svg.append(label, bar, figure);
  });
  return svg;
}

async function openReport() {
  try {
    const response = await api(`/api/v1/benchmark/${encodeURIComponent(state.benchId)}/report?format=html`, { raw: true });
    saveBlob(await response.blob(), `benchmark-${state.benchId}.html`);
  } catch (problem) {
    show(explain(problem));
  }
}

// ------------------------------------------------------------------ health

async function refreshHealth() {
  let report;
  try {
    report = await api("/api/v1/health");
  } catch (problem) {
    show(explain(problem));
    return;
  }
  const overall = $("health-overall");
  overall.textContent = t(report.status === "unavailable" ? "unavailable_state" : report.status);
  overall.className = `state ${report.status}`;
  const mb = (bytes) => (bytes == null ? "–" : (bytes / 1048576).toFixed(0));
  $("health-table").tBodies[0].replaceChildren(...report.backends.map((b) => el("tr", { "data-backend": b.name, class: b.serving === false ? "down" : "" },
    el("th", { scope: "row", text: b.name }), el("td", { text: b.status }),
    el("td", { text: b.serving == null ? "–" : b.serving ? t("word_yes") : t("word_no") }),
    el("td", { text: b.address ?? "–" }), el("td", { text: b.device ?? "–" }),
    el("td", { text: `${b.in_flight ?? 0} / ${b.queue_depth ?? 0}` }),
    el("td", { text: b.latency ? b.latency.p50_seconds.toFixed(3) : "–" }),
    el("td", { text: mb(b.ram_bytes) }), el("td", { text: mb(b.vram_bytes) }))));
}

// ------------------------------------------------------------------ start

function start() {
  for (const button of document.querySelectorAll("#nav button")) button.addEventListener("click", () => openView(button.dataset.view));
  $("sign-out").addEventListener("click", signOut);
  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const key = $("key").value.trim();
    if (!key) return show(t("no_key"));
    try {
      await signIn(key);
      $("key").value = "";
    } catch (problem) {
      show(explain(problem));
    }
  });
  $("inspect-form").addEventListener("submit", inspect);
  $("inspect-page").addEventListener("change", (e) => showPage(Number(e.target.value)));
  $("markdown-button").addEventListener("click", downloadMarkdown);
  $("show-text").addEventListener("click", () => showText(false));
  $("show-markdown").addEventListener("click", () => showText(true));
  $("learn-button").addEventListener("click", learnSupplier);
  $("compare-form").addEventListener("submit", compare);
  $("batch-form").addEventListener("submit", startBatch);
  $("batch-folder").addEventListener("change", (e) => { $("batch-files").webkitdirectory = e.target.checked; });
  for (const id of ["filter-review", "filter-type", "filter-supplier"]) $(id).addEventListener("input", renderBatchTable);
  $("bench-form").addEventListener("submit", startBenchmark);
  $("bench-report").addEventListener("click", openReport);
  document.querySelectorAll("form.drop").forEach(enableDrop);
  // A key kept in this tab, or a mesh without keys: signed in at once; otherwise the sign-in form.
  signIn(sessionStorage.getItem(KEY_STORE) ?? "").catch(() => {
    sessionStorage.removeItem(KEY_STORE);
    openView("signin");
    $("key").focus();  // signing in is the only thing to do
  });
}

start();
