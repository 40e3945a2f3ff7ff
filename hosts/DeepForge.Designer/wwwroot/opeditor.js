// The operation editor's uses of Monaco beyond showing and reading code: problem markers, replacing the
// text as one undoable edit (so the cursor and undo history survive a change made in the diagram), Ctrl+S, and
// revealing a line. The editors are codeeditor.js's, found by the id their component gave them.
import { editorOf } from "./codeeditor.js";

export function setMarkers(id, problems) {
    const editor = editorOf(id);
    if (!editor || !editor.getModel()) return;
    monaco.editor.setModelMarkers(editor.getModel(), "deepforge", problems.map(p => ({
        startLineNumber: p.line, startColumn: p.column, endLineNumber: p.endLine, endColumn: p.endColumn,
        message: p.message, code: p.code,
        severity: p.isError ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    })));
}

// Replaces only the part that differs, so the lines around the cursor and the undo stack stay as they were.
export function replaceText(id, text) {
    const editor = editorOf(id);
    if (!editor) return;
    const model = editor.getModel();
    const old = model.getValue();
    if (old === text) return;
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) start++;
    let end = 0;
    while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(old.length - end);
    editor.pushUndoStop();
    editor.executeEdits("deepforge-interface", [{
        range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
        text: text.substring(start, text.length - end),
        forceMoveMarkers: true,
    }]);
    editor.pushUndoStop();
}

export function reveal(id, line, column) {
    const editor = editorOf(id);
    if (!editor || line < 1) return;
    editor.revealLineInCenterIfOutsideViewport(line);
    editor.setPosition({ lineNumber: line, column: Math.max(1, column) });
    editor.focus();
}

// Ctrl+S (Cmd+S) saves, in the editor and anywhere else on the page, instead of the browser's "save page".
const saving = new Map();

export function bindSave(id, page) {
    unbindSave(id);
    const onKey = e => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
            e.preventDefault();
            // A page that is going (the person left it as they pressed the keys) cannot save: not an error of the page.
            page.invokeMethodAsync("SaveFromKeyboard").catch(e => console.warn(`saving from the keyboard failed: ${e}`));
        }
    };
    window.addEventListener("keydown", onKey, true);
    saving.set(id, onKey);
}

export function unbindSave(id) {
    const onKey = saving.get(id);
    if (onKey) window.removeEventListener("keydown", onKey, true);
    saving.delete(id);
}

// Code completion (on "."), hover and signature help (on "(" and ","), answered by the page in .NET from Roslyn.
// Monaco's providers are global per language, so they are registered once and find the page whose editor holds the
// model asked about; a model of no bound page (another editor's) gets nothing.
const assisted = new Map();
let providersRegistered = false;
// The page's calls travel over the circuit, whose messages are limited (32 KB): longer code gets no assistance.
const maxAssistedLength = 24000;

export function bindAssist(key, id, page) {
    assisted.set(key, { id, page });
    registerProviders();
}

export function unbindAssist(key) {
    assisted.delete(key);
}

function pageOf(model) {
    for (const { id, page } of assisted.values()) {
        const editor = editorOf(id);
        if (editor && editor.getModel() === model) return page;
    }
    return null;
}

async function ask(model, position, method) {
    const page = pageOf(model);
    const text = model.getValue();
    if (!page || text.length > maxAssistedLength) return null;
    try {
        return await page.invokeMethodAsync(method, text, model.getOffsetAt(position));
    } catch (e) {
        console.warn(`code assistance (${method}) failed: ${e}`);
        return null;
    }
}

function rangeOf(model, start, end) {
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(end);
    return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

function registerProviders() {
    if (providersRegistered) return;
    providersRegistered = true;
    const kinds = monaco.languages.CompletionItemKind;
    monaco.languages.registerCompletionItemProvider("csharp", {
        triggerCharacters: ["."],
        provideCompletionItems: async (model, position) => {
            const entries = (await ask(model, position, "Complete")) || [];
            const word = model.getWordUntilPosition(position);
            const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
            return {
                suggestions: entries.map(e => ({
                    label: e.label, kind: kinds[e.kind] ?? kinds.Text, detail: e.detail,
                    documentation: e.documentation ?? undefined, insertText: e.label, sortText: e.sortText, range,
                })),
            };
        },
    });
    monaco.languages.registerHoverProvider("csharp", {
        provideHover: async (model, position) => {
            const hover = await ask(model, position, "Hover");
            if (!hover) return null;
            const contents = [{ value: "```csharp\n" + hover.signature + "\n```" }];
            if (hover.documentation) contents.push({ value: hover.documentation });
            return { range: rangeOf(model, hover.start, hover.end), contents };
        },
    });
    monaco.languages.registerSignatureHelpProvider("csharp", {
        signatureHelpTriggerCharacters: ["(", ","],
        signatureHelpRetriggerCharacters: [")"],
        provideSignatureHelp: async (model, position) => {
            const help = await ask(model, position, "Signatures");
            if (!help) return null;
            return {
                value: {
                    signatures: help.signatures.map(s => ({
                        label: s.label, documentation: s.documentation ?? undefined,
                        parameters: s.parameters.map(p => ({ label: [p.start, p.end], documentation: p.documentation ?? undefined })),
                    })),
                    activeSignature: help.activeSignature,
                    activeParameter: help.activeParameter,
                },
                dispose() { },
            };
        },
    });
}
