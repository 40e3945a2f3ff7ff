// Z.Blazor.Diagrams reports a diagram's size to the server from a MutationObserver, a ResizeObserver and the page's
// scroll event, and goes on reporting for a diagram whose component is gone until the server's "unobserve" arrives.
// A report in that window reaches a disposed .NET reference, and its rejected promise is an uncaught error in the
// person's console (seen when leaving a page with a diagram while the page changes). A diagram that has left the page
// has no size worth sending, and a report that fails anyway had nothing waiting for it, so neither reaches the console.
(function () {
    const diagrams = window.ZBlazorDiagrams;
    if (!diagrams || diagrams.guarded) return;
    const observe = diagrams.observe;
    diagrams.observe = (element, reference, id) => observe(element, quiet(element, reference), id);
    diagrams.guarded = true;

    function quiet(element, reference) {
        return {
            invokeMethodAsync: (name, ...args) => element && !element.isConnected
                ? Promise.resolve()
                : reference.invokeMethodAsync(name, ...args).catch(() => undefined)
        };
    }
})();
