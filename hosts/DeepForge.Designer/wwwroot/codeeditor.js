// Monaco editors of the designer, created and read through the calling circuit's own connection. (BlazorMonaco
// 3.0.0's component sent every call through one static runtime, so with two people editing at once one person's
// calls could reach the other's browser.) Editors are kept by the id their component gives them.
const editors = new Map();

export function editorOf(id) {
    const entry = editors.get(id);
    return entry ? entry.editor : null;
}

export function create(element, id, options, component) {
    dispose(id);
    if (!element || !element.isConnected) return false;
    const editor = monaco.editor.create(element, {
        value: options.value ?? "",
        language: "csharp",
        readOnly: !!options.readOnly,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        tabSize: 4,
    });
    const listener = editor.onDidChangeModelContent(() => {
        component.invokeMethodAsync("ContentChanged").catch(() => { });
    });
    editors.set(id, { editor, listener });
    return true;
}

// The text travels to the server in pieces: the circuit closes on a message over 32 KB, and code can be longer. The
// text is taken once (snapshot) and read from there, so typing meanwhile cannot mix two versions.
const snapshots = new Map();

export function snapshot(id) {
    const editor = editorOf(id);
    if (!editor) return null;
    const text = editor.getValue();
    snapshots.set(id, text);
    return text.length;
}

export function piece(id, start, length) {
    const text = snapshots.get(id) ?? "";
    if (start + length >= text.length) snapshots.delete(id);
    return text.substring(start, start + length);
}

export function setValue(id, text) {
    const editor = editorOf(id);
    if (editor && editor.getValue() !== text) editor.setValue(text);
}

export function dispose(id) {
    const entry = editors.get(id);
    if (!entry) return;
    editors.delete(id);
    snapshots.delete(id);
    entry.listener.dispose();
    const model = entry.editor.getModel();
    entry.editor.dispose();
    if (model) model.dispose();
}

// For the designer's browser tests: the ids of the editors on this page.
export function ids() {
    return [...editors.keys()];
}
