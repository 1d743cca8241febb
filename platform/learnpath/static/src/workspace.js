// The exercise page: editors (as tabs for several files), autosaved drafts, and sending without reloading.
import { startCountdown, rateLimitNotice } from "./countdown.js";
import { DraftStore } from "./drafts.js";
import { createEditor, normaliseNewlines, setText } from "./editor.js";
import { followSubmission, showMessage, showPending } from "./live.js";
import { NotebookEditor } from "./notebook.js";

export function initWorkspace() {
  const workspace = document.getElementById("workspace");
  const form = document.getElementById("submission-form");
  if (!workspace || !form) return;
  const csrfToken = form.querySelector("input[name=csrf_token]")?.value || "";
  const panel = document.getElementById("feedback");
  const saveState = document.getElementById("save-state");
  const buttons = Array.from(form.querySelectorAll("input[type=submit], button[type=submit]"));
  const submitButton = form.querySelector("[name=submit]");
  const fields = Array.from(form.querySelectorAll(".file-field"));
  const editors = new Map(); // file name -> { textarea, setText }

  const drafts = new DraftStore({
    url: workspace.dataset.draftUrl,
    key: workspace.dataset.draftKey,
    revision: Number(workspace.dataset.draftRevision) || 0,
    csrfToken,
    onStatus: (text) => { saveState.textContent = text; },
  });
  const currentFiles = () => {
    const files = {};
    editors.forEach((editor, name) => { files[name] = normaliseNewlines(editor.textarea.value); });
    return files;
  };
  const changed = () => drafts.change(currentFiles());
  const submitNow = () => {
    if (submitButton && !submitButton.disabled) form.requestSubmit(submitButton);
  };

  for (const field of fields) {
    const textarea = field.querySelector("textarea");
    const name = field.dataset.fileName;
    field.classList.add("enhanced");
    if (textarea.dataset.notebook === "true") {
      try {
        const notebook = new NotebookEditor({
          field, textarea, name, markdownUrl: workspace.dataset.markdownUrl, csrfToken, onChange: changed, onSubmit: submitNow,
        });
        editors.set(name, { textarea, setText: (text) => notebook.setText(text) });
      } catch (error) {
        // Not a readable notebook: keep the plain text area so nothing is lost.
        field.classList.remove("enhanced");
        const note = document.createElement("p");
        note.className = "error";
        note.textContent = `${name}: ${error.message} It is shown as text.`;
        field.append(note);
        textarea.addEventListener("input", changed);
        editors.set(name, { textarea, setText: (text) => { textarea.value = text; } });
      }
      continue;
    }
    const host = document.createElement("div");
    host.className = "editor";
    textarea.after(host);
    const view = createEditor({
      parent: host,
      doc: textarea.value,
      language: name.endsWith(".py") ? "python" : "text",
      label: name,
      onChange: (text) => { textarea.value = text; changed(); },
      onSubmit: submitNow,
    });
    field.querySelector("label")?.addEventListener("click", () => view.focus());
    editors.set(name, { textarea, view, setText: (text) => setText(view, text) });
  }
  if (fields.length > 1) makeTabs(form, fields, editors);

  const unsaved = drafts.unsaved();
  if (unsaved) {
    let restored = false;
    editors.forEach((editor, name) => {
      if (typeof unsaved[name] === "string" && unsaved[name] !== normaliseNewlines(editor.textarea.value)) {
        editor.setText(unsaved[name]);
        editor.textarea.value = unsaved[name];
        restored = true;
      }
    });
    if (restored) {
      saveState.textContent = "Restored changes that had not reached the server yet";
      drafts.change(currentFiles());
    }
  }

  const notice = document.getElementById("rate-limit");
  if (notice) startCountdown(notice, buttons);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(event.submitter || submitButton);
  });

  async function send(submitter) {
    editors.forEach((editor) => { editor.textarea.value = normaliseNewlines(editor.textarea.value); });
    const data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value || "1");
    buttons.forEach((button) => { button.disabled = true; });
    let response;
    try {
      response = await fetch(form.action || window.location.href, {
        method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" },
      });
    } catch (error) {
      buttons.forEach((button) => { button.disabled = false; });
      showMessage(panel, "Could not reach the server. Your code is kept in this browser; send again when you are back online.", "error");
      return;
    }
    let body = {};
    try { body = await response.json(); } catch (error) { body = {}; }
    if (response.status === 429) {
      document.getElementById("rate-limit")?.remove();
      const created = rateLimitNotice(body.retry_after || 60, body.error || "Too many runs in the last minute.");
      form.querySelector(".actions").before(created);
      startCountdown(created, buttons);
      return;
    }
    if (!response.ok) {
      buttons.forEach((button) => { button.disabled = false; });
      showMessage(panel, body.error || `The server refused the run (HTTP ${response.status}). Reload the page and try again.`, "error");
      return;
    }
    drafts.remember(currentFiles(), true);
    showPending(panel, body);
    const entry = addRecentRun(body);
    buttons.forEach((button) => { button.disabled = false; });
    const result = await followSubmission(panel, body);
    showRunResult(entry, result);
  }
}

// The "recent runs" list follows what is sent from this page.
function addRecentRun(submission) {
  const list = document.getElementById("recent-runs");
  if (!list) return null;
  document.getElementById("no-runs")?.remove();
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = submission.page;
  link.textContent = `#${submission.id}`;
  const result = document.createElement("span");
  result.className = "run-result";
  result.textContent = "queued";
  const time = document.createElement("time");
  time.textContent = "just now";
  item.append(link, ` ${submission.mode === "examples" ? "examples" : "submission"} · `, result, " · ", time);
  list.prepend(item);
  return result;
}

function showRunResult(result, data) {
  if (!result) return;
  const badge = document.createElement("span");
  badge.className = `badge badge-${data.status}`;
  badge.textContent = data.status;
  result.replaceChildren(badge);
  if (data.max_score) result.append(` ${data.score}/${data.max_score}`);
}

// Several files: one tab per file (arrow keys move between tabs, as the ARIA tabs pattern says).
function makeTabs(form, fields, editors) {
  const list = document.createElement("div");
  list.className = "file-tabs";
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", "Files");
  const tabs = fields.map((field, index) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "file-tab";
    tab.id = `tab-${index}`;
    tab.textContent = field.dataset.fileName;
    tab.setAttribute("role", "tab");
    field.id = `panel-${index}`;
    field.setAttribute("role", "tabpanel");
    field.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", field.id);
    tab.addEventListener("click", () => select(index));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        select((index + step + fields.length) % fields.length, true);
      }
    });
    return tab;
  });
  list.append(...tabs);
  fields[0].before(list);
  function select(index, focusTab = false) {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      fields[i].hidden = i !== index;
    });
    if (focusTab) tabs[index].focus();
    const view = editors.get(fields[index].dataset.fileName)?.view;
    if (view) view.requestMeasure();
  }
  select(0);
}
