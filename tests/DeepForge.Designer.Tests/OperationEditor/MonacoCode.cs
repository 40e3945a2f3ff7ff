using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The code in an editor's Monaco, read from the editor the page names as its own.</summary>
internal static class MonacoCode
{
    /// <param name="holder">The element whose <c>data-editor</c> names the editor: the operation editor's by default.</param>
    public static Task<string> OfAsync(IPage page, string holder = ".df-op-right") => page.EvaluateAsync<string>("""
        async selector => {
            const id = document.querySelector(selector).dataset.editor;
            const editors = await import("/_content/DeepForge.Designer/codeeditor.js");
            const found = editors.editorOf(id);
            return found ? found.getValue() : `(no editor ${id} among ${editors.ids().join(', ')})`;
        }
        """, holder);
}
