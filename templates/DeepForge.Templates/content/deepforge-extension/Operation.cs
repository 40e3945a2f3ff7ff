using DeepForge.Operations;

namespace My.Extension;

/// <summary>An operation: makes a <see cref="My_ExtensionData"/> of <c>count</c> values and logs the message.</summary>
/// <remarks>Constructor parameters are attributes set in the designer; Execute's parameters are inputs; its result is the output.</remarks>
[Operation(Category = "My.Extension", Description = "Makes count values starting at start, and logs a message")]
public sealed class My_ExtensionOperation(int count = 3, double start = 1.0, string message = "Hello from My.Extension") : Operation
{
    [return: Output("data")]
    public My_ExtensionData Execute(OperationContext context)
    {
        var values = Enumerable.Range(0, count).Select(i => start + i).ToArray();
        context.Log.WriteLine($"{message}: {string.Join(", ", values)}");
        return new My_ExtensionData(message, values);
    }
}
