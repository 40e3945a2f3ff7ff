namespace DeepForge.Operations;

/// <summary>
/// Base class of every operation. Constructor parameters are design-time attributes (numbers,
/// strings, booleans, enums) and references (architectures); the parameters of the public
/// <c>Execute</c> (or <c>ExecuteAsync</c>) method are inputs, and what it returns are outputs:
/// one value named by <see cref="OutputAttribute"/>, or a named tuple for several.
/// An <see cref="OperationContext"/> parameter gives feedback, the log and cancellation.
/// </summary>
public abstract class Operation
{
}
