using System.Reflection;

namespace DeepForge.Catalog;

/// <summary>An operation read from a loaded type: its interface and the members that run it.</summary>
internal sealed class OperationType
{
    public required OperationDescriptor Descriptor { get; init; }
    public required Type Type { get; init; }
    public required ConstructorInfo Constructor { get; init; }
    public required MethodInfo Execute { get; init; }

    /// <summary>The CLR types of the outputs, in the order of <see cref="OperationDescriptor.Outputs"/>.</summary>
    public required IReadOnlyList<Type> OutputTypes { get; init; }

    /// <summary>The CLR types of the inputs, in the order of <see cref="OperationDescriptor.Inputs"/>.</summary>
    public required IReadOnlyList<Type> InputTypes { get; init; }

    /// <summary>Identifies the code: an assembly's module version id or the project's source hash.</summary>
    public required string CodeHash { get; init; }

    public string Name => Descriptor.Name;
}
