using DeepForge.Models;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// The operation editor's side of code assistance: reads the project's stored files (the other files the typed one is
/// seen with) and asks the shared <see cref="CodeAssistant"/>, off the page's thread so rendering is not held up.
/// </summary>
internal sealed class OperationCodeAssist(DeepForgeEngine engine, CodeAssistant assistant, string project)
{
    public Task<IReadOnlyList<CompletionEntry>> CompleteAsync(string path, string text, int offset, CancellationToken cancellationToken) =>
        WithStoredAsync(stored => assistant.Complete(project, stored, path, text, offset), cancellationToken);

    public Task<HoverEntry?> HoverAsync(string path, string text, int offset, CancellationToken cancellationToken) =>
        WithStoredAsync(stored => assistant.Hover(project, stored, path, text, offset), cancellationToken);

    public Task<SignatureHelp?> SignaturesAsync(string path, string text, int offset, CancellationToken cancellationToken) =>
        WithStoredAsync(stored => assistant.Signatures(project, stored, path, text, offset), cancellationToken);

    private async Task<T> WithStoredAsync<T>(Func<IReadOnlyList<SourceFile>, T> ask, CancellationToken cancellationToken)
    {
        var stored = (await engine.Projects.GetAsync(project, cancellationToken)).Sources;
        return await Task.Run(() => ask(stored), cancellationToken);
    }
}
