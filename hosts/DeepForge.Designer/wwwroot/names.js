// The text a name field holds now: what the user sees, whatever the server last heard of it.
// Puts the caret in a field of a dialog that just opened, unless the person already put it in another of its fields:
// this call comes after a round trip, and a person quick to click (or a loaded server) is not to lose the caret.
export function focusUnlessTyping(element) {
    if (!(element instanceof HTMLElement)) return;
    const active = document.activeElement;
    const dialog = element.closest(".rz-dialog, .rz-dialog-wrapper") ?? document.body;
    if (active && active !== document.body && active !== element && dialog.contains(active) && active.matches("input, textarea, select")) return;
    element.focus();
}

export function valueOf(element) {
    return element instanceof HTMLInputElement ? element.value : null;
}
