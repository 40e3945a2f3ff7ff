// Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes the editor's last edit of the document, except while the person
// types: in a field, a dropdown's filter or Monaco, the keys belong to what is being typed.
function typing(target) {
    if (!(target instanceof Element)) return false;
    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable=true], .monaco-editor") !== null;
}

export function listen(editor) {
    const onKey = e => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
        const key = e.key.toLowerCase();
        const redo = (key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey);
        if (key !== "z" && !redo) return;
        e.preventDefault();
        // The editor may be going (the person left the page as they pressed the keys): its answer is not awaited.
        editor.invokeMethodAsync(redo ? "RedoFromKey" : "UndoFromKey").catch(e => console.warn(`undo from the keyboard failed: ${e}`));
    };
    document.addEventListener("keydown", onKey);
    return { stop: () => document.removeEventListener("keydown", onKey) };
}
