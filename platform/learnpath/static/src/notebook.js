// A notebook learner file shown as cells: Markdown rendered (sanitized by the server), code in the editor.
import { createEditor, normaliseNewlines } from "./editor.js";

function cellId() {
  const bytes = new Uint8Array(4);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function sourceText(source) {
  return normaliseNewlines(Array.isArray(source) ? source.join("") : source || "");
}

function button(text, label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "button small secondary";
  element.textContent = text;
  if (label) element.setAttribute("aria-label", label);
  element.addEventListener("click", onClick);
  return element;
}

// Reads nbformat 4 JSON text; throws an Error whose message says what is wrong.
export function parseNotebook(text) {
  let notebook;
  try {
    notebook = JSON.parse(text);
  } catch (error) {
    throw new Error("This is not a notebook file (it is not JSON).");
  }
  if (!notebook || notebook.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new Error("This is not an nbformat 4 notebook (.ipynb from Jupyter 4 or later).");
  }
  return notebook;
}

export class NotebookEditor {
  constructor({ field, textarea, name, markdownUrl, csrfToken, onChange, onSubmit }) {
    this.textarea = textarea;
    this.name = name;
    this.markdownUrl = markdownUrl;
    this.csrfToken = csrfToken;
    this.onChange = onChange;
    this.onSubmit = onSubmit;
    this.notebook = parseNotebook(textarea.value);
    this.cells = this.notebook.cells.map((cell) => this.model(cell));
    this.root = document.createElement("div");
    this.root.className = "notebook";
    this.status = document.createElement("p");
    this.status.className = "help";
    this.status.setAttribute("role", "status");
    this.list = document.createElement("ol");
    this.list.className = "cells";
    this.list.setAttribute("aria-label", `Cells of ${name}`);
    this.root.append(this.toolbar(), this.status, this.list, this.addBar());
    field.append(this.root);
    this.render();
  }

  model(cell) {
    const type = cell.cell_type === "markdown" ? "markdown" : cell.cell_type === "raw" ? "raw" : "code";
    return { original: cell, id: cell.id || cellId(), type, source: sourceText(cell.source), editing: false };
  }

  toolbar() {
    const bar = document.createElement("div");
    bar.className = "notebook-toolbar";
    const upload = document.createElement("label");
    upload.className = "button small secondary file-upload";
    upload.textContent = "Upload .ipynb";
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".ipynb,application/x-ipynb+json,application/json";
    input.className = "visually-hidden";
    input.addEventListener("change", () => this.upload(input));
    upload.append(input);
    bar.append(upload, button("Download .ipynb", `Download ${this.name}`, () => this.download()));
    return bar;
  }

  addBar() {
    const bar = document.createElement("div");
    bar.className = "notebook-toolbar";
    bar.append(
      button("+ Code cell", "Add a code cell at the end", () => this.insert(this.cells.length, "code")),
      button("+ Markdown cell", "Add a Markdown cell at the end", () => this.insert(this.cells.length, "markdown")),
    );
    return bar;
  }

  render(focusIndex = null) {
    this.mounts = [];
    this.list.replaceChildren(...this.cells.map((cell, index) => this.renderCell(cell, index)));
    // Editors are made once their cells are in the page, so they measure real line heights.
    this.mounts.forEach((mount) => mount());
    if (focusIndex !== null) {
      const target = this.list.children[focusIndex]?.querySelector(".cm-content, .cell-preview, button");
      if (target) target.focus();
    }
  }

  renderCell(cell, index) {
    const item = document.createElement("li");
    item.className = `cell cell-${cell.type}`;
    const head = document.createElement("div");
    head.className = "cell-head";
    const title = document.createElement("span");
    title.className = "cell-type";
    title.textContent = `[${index + 1}] ${cell.type === "markdown" ? "Markdown" : cell.type === "raw" ? "Raw" : "Code"}`;
    head.append(title);
    const n = index + 1;
    if (cell.type === "markdown") {
      head.append(button(cell.editing ? "Preview" : "Edit", `${cell.editing ? "Preview" : "Edit"} cell ${n}`, () => {
        cell.editing = !cell.editing;
        this.render(index);
      }));
    }
    head.append(
      button("↑", `Move cell ${n} up`, () => this.move(index, -1)),
      button("↓", `Move cell ${n} down`, () => this.move(index, 1)),
      button("+ below", `Add a code cell below cell ${n}`, () => this.insert(index + 1, "code")),
      button("Delete", `Delete cell ${n}`, () => this.remove(index)),
    );
    item.append(head);
    if (cell.type === "markdown" && !cell.editing) {
      const preview = document.createElement("div");
      preview.className = "cell-preview statement";
      preview.tabIndex = 0;
      preview.setAttribute("aria-label", `Markdown cell ${n}; press Enter to edit`);
      preview.textContent = cell.source || "Empty Markdown cell: press Edit to write.";
      preview.addEventListener("dblclick", () => { cell.editing = true; this.render(index); });
      preview.addEventListener("keydown", (event) => {
        if (event.key === "Enter") { event.preventDefault(); cell.editing = true; this.render(index); }
      });
      this.renderMarkdown(cell.source, preview);
      item.append(preview);
    } else {
      const host = document.createElement("div");
      host.className = "editor";
      item.append(host);
      this.mounts.push(() => createEditor({
        parent: host,
        doc: cell.source,
        language: cell.type === "code" ? "python" : "text",
        label: `Cell ${n} of ${this.name} (${cell.type})`,
        onChange: (text) => { cell.source = text; this.changed(); },
        onSubmit: this.onSubmit,
      }));
    }
    return item;
  }

  async renderMarkdown(text, target) {
    if (!text.trim()) return;
    try {
      const response = await fetch(this.markdownUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": this.csrfToken },
        body: JSON.stringify({ text }),
      });
      if (!response.ok) return;
      // Sanitized by the server exactly like exercise statements (scripts, handlers and unsafe links removed).
      target.innerHTML = (await response.json()).html;
    } catch (error) {
      // Offline: the cell keeps showing its Markdown source.
    }
  }

  insert(index, type) {
    this.cells.splice(index, 0, { original: {}, id: cellId(), type, source: "", editing: type === "markdown" });
    this.render(index);
    this.changed();
  }

  move(index, step) {
    const to = index + step;
    if (to < 0 || to >= this.cells.length) return;
    const [cell] = this.cells.splice(index, 1);
    this.cells.splice(to, 0, cell);
    this.render(to);
    this.status.textContent = `Moved cell ${index + 1} to position ${to + 1}.`;
    this.changed();
  }

  remove(index) {
    this.cells.splice(index, 1);
    this.render(Math.min(index, this.cells.length - 1));
    this.status.textContent = `Deleted cell ${index + 1}.`;
    this.changed();
  }

  upload(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    file.text().then((text) => {
      try {
        this.notebook = parseNotebook(text);
      } catch (error) {
        this.status.textContent = `${file.name}: ${error.message}`;
        return;
      }
      this.cells = this.notebook.cells.map((cell) => this.model(cell));
      this.render();
      this.status.textContent = `Loaded ${file.name} (${this.cells.length} cells).`;
      this.changed();
    });
    input.value = "";
  }

  download() {
    const blob = new Blob([this.serialise()], { type: "application/x-ipynb+json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = this.name;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // nbformat 4.5 JSON: ids on every cell; code cells keep outputs and execution counts.
  serialise() {
    const cells = this.cells.map((cell) => {
      const out = { cell_type: cell.type, id: cell.id, metadata: cell.original.metadata || {}, source: cell.source };
      if (cell.type === "code") {
        out.execution_count = cell.original.execution_count ?? null;
        out.outputs = cell.original.outputs || [];
      } else if (cell.original.attachments && cell.type === "markdown") {
        out.attachments = cell.original.attachments;
      }
      return out;
    });
    const notebook = { ...this.notebook, cells, nbformat: 4, nbformat_minor: Math.max(5, this.notebook.nbformat_minor || 0) };
    notebook.metadata = notebook.metadata || {};
    return `${JSON.stringify(notebook, null, 1)}\n`;
  }

  changed() {
    this.textarea.value = this.serialise();
    this.onChange();
  }

  setText(text) {
    this.notebook = parseNotebook(text);
    this.cells = this.notebook.cells.map((cell) => this.model(cell));
    this.textarea.value = text;
    this.render();
  }
}
