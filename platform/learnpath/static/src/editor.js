// The code editor: CodeMirror 6 with Python highlighting, 4-space indentation and line numbers.
import { basicSetup } from "codemirror";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { indentUnit } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";

// Creates an editor in `parent`. `onChange(text)` runs on every edit; Ctrl/Cmd+Enter calls `onSubmit()`.
export function createEditor({ parent, doc, language, label, onChange, onSubmit }) {
  const extensions = [
    basicSetup,
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onSubmit(); return true; } }])),
    // Tab indents; Esc then Tab leaves the editor (CodeMirror's documented escape hatch).
    keymap.of([indentWithTab]),
    indentUnit.of("    "),
    EditorState.tabSize.of(4),
    EditorView.contentAttributes.of({ "aria-label": label }),
    EditorView.cspNonce.of(document.querySelector("meta[name=csp-nonce]")?.content || ""),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  if (language === "python") extensions.push(python());
  else extensions.push(EditorView.lineWrapping);
  return new EditorView({ doc: normaliseNewlines(doc), extensions, parent });
}

export function normaliseNewlines(text) {
  return String(text ?? "").replace(/\r\n?/g, "\n");
}

export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: normaliseNewlines(text) } });
}
