using DeepForge.Operations;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>An operation that comes from a plugin (this test assembly) rather than from a project's code.</summary>
[Operation(Name = "Shout", Category = "Text", Description = "Upper-cases text")]
public sealed class ShoutPlugin(int times = 1) : Operation
{
    [return: Output("loud")]
    public string Execute(string text) => string.Concat(Enumerable.Repeat(text.ToUpperInvariant(), times));
}
