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

export function getValue(id) {
    const editor = editorOf(id);
    return editor ? editor.getValue() : null;
}

export function setValue(id, text) {
    const editor = editorOf(id);
    if (editor && editor.getValue() !== text) editor.setValue(text);
}

export function dispose(id) {
    const entry = editors.get(id);
    if (!entry) return;
    editors.delete(id);
    entry.listener.dispose();
    const model = entry.editor.getModel();
    entry.editor.dispose();
    if (model) model.dispose();
}

// For the designer's browser tests: the ids of the editors on this page.
export function ids() {
    return [...editors.keys()];
}
