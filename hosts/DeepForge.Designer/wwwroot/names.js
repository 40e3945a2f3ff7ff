// The text a name field holds now: what the user sees, whatever the server last heard of it.
export function valueOf(element) {
    return element instanceof HTMLInputElement ? element.value : null;
}
