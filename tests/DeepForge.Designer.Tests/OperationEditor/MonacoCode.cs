using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The code in the operation editor's Monaco, read from the editor the page names as its own.</summary>
internal static class MonacoCode
{
    public static Task<string> OfAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const id = document.querySelector('.df-op-right').dataset.editor;
            const holder = window.blazorMonaco.editors.find(e => e.id === id);
            return holder ? holder.editor.getValue() : `(no editor ${id} among ${window.blazorMonaco.editors.map(e => e.id).join(', ')})`;
        }
        """);
}
