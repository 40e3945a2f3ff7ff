using System.Text.Json;
using DeepForge.Catalog;
using DeepForge.Compilation.Roslyn;
using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Compilation.Reading;

/// <summary>
/// Reads operations' interfaces from C# source with Roslyn's semantic model: no assembly is emitted and
/// code with errors elsewhere (or inside the operation) is still described, so the operation editor can
/// call it on every keystroke. Gives what <see cref="ReflectionOperationReader"/> gives for the compiled
/// code, plus where each part is written and analysis warnings (an input Execute never reads).
/// Mistakes the reflection reader refuses (no Execute, an unnamed tuple, an unsupported constructor
/// parameter) become <c>DF0002</c> errors and the rest of the interface is still described.
/// </summary>
internal sealed class SourceOperationReader
{
    private const string OperationType = "DeepForge.Operations.Operation";
    private const string OperationAttributeType = "DeepForge.Operations.OperationAttribute";
    private const string OutputAttributeType = "DeepForge.Operations.OutputAttribute";
    private const string ArchitectureType = "DeepForge.Operations.Architecture";
    private const string RangeAttributeType = "System.ComponentModel.DataAnnotations.RangeAttribute";
    private static readonly HashSet<string> ContextTypes = ["DeepForge.Operations.OperationContext", "System.Threading.CancellationToken"];

    // These are diagnostics of DeepForge's reader, not of an analyzer package, so analyzer release tracking does not apply.
#pragma warning disable RS2008
    internal static readonly DiagnosticDescriptor UnusedInput = new(
        "DF0001", "Input never used", "input '{0}' is never used", "DeepForge", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    internal static readonly DiagnosticDescriptor InvalidOperation = new(
        "DF0002", "Operation cannot be read", "{0}", "DeepForge", DiagnosticSeverity.Error, isEnabledByDefault: true);
#pragma warning restore RS2008

    private readonly CSharpCompilation _compilation;
    private readonly INamedTypeSymbol _type;
    private readonly string _name;
    private readonly List<Diagnostic> _analysis = [];
    private readonly List<SourceMember> _members = [];

    private SourceOperationReader(CSharpCompilation compilation, INamedTypeSymbol type, string name) =>
        (_compilation, _type, _name) = (compilation, type, name);

    /// <summary>The name of the assembly the project's sources compile to, as the catalog names it, so generic type names agree.</summary>
    public static string AssemblyNameOf(IReadOnlyList<SourceFile> sources) => $"DeepForge.Project.{SourceHasher.Hash(sources)[..16]}";

    /// <summary>Describes every operation class in the sources and gives every problem of the code.</summary>
    public static SourceReadResult Read(IReadOnlyList<SourceFile> sources)
    {
        var compilation = RoslynCompiler.Create(AssemblyNameOf(sources), sources);
        var diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        var read = FindOperationTypes(compilation, sources)
            .Select(type => new SourceOperationReader(compilation, type, NameOf(type)).ReadOperation())
            .ToList();
        diagnostics.AddRange(read.SelectMany(r => r.Analysis));
        var operations = read.Select(r => r.Operation with
        {
            Problems = Sorted(diagnostics.Where(d => IsInside(d.Location, r.Type))).Select(RoslynCompiler.ToProblem).ToList(),
        }).ToList();
        return new SourceReadResult(operations, Sorted(diagnostics).Select(RoslynCompiler.ToProblem).ToList());
    }

    /// <summary>Public, non-abstract, top-level classes deriving from Operation, in the order they are declared.</summary>
    private static IEnumerable<INamedTypeSymbol> FindOperationTypes(CSharpCompilation compilation, IReadOnlyList<SourceFile> sources)
    {
        var paths = sources.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees.Where(t => paths.Contains(t.FilePath)))
        {
            var model = compilation.GetSemanticModel(tree);
            var declarations = tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<TypeDeclarationSyntax>();
            foreach (var declaration in declarations)
            {
                if (model.GetDeclaredSymbol(declaration) is not { TypeKind: TypeKind.Class, IsAbstract: false, DeclaredAccessibility: Accessibility.Public, ContainingType: null } type)
                    continue;
                if (DerivesFromOperation(type) && seen.Add(type)) yield return type;
            }
        }
    }

    private static bool DerivesFromOperation(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current != null; current = current.BaseType)
            if (SourceTypeNames.Is(current, OperationType)) return true;
        return false;
    }

    private static AttributeData? OperationInfo(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => SourceTypeNames.Is(a.AttributeClass, OperationAttributeType));

    private static string NameOf(INamedTypeSymbol type) => Named(OperationInfo(type), "Name") as string ?? type.MetadataName;

    private static object? Named(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name) is { Key: not null, Value: { Kind: not TypedConstantKind.Error } value }
            ? value.Kind == TypedConstantKind.Array ? (value.IsNull ? null : value.Values.Select(v => v.Value).OfType<string>().ToArray()) : value.Value
            : null;

    private (SourceOperation Operation, INamedTypeSymbol Type, List<Diagnostic> Analysis) ReadOperation()
    {
        var info = OperationInfo(_type);
        var constructor = _type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
        if (constructor == null) Report(_type.Locations.FirstOrDefault(), "has no public constructor");
        var (attributes, references) = ReadConstructor(constructor);
        var execute = FindExecute();
        var inputs = execute?.Parameters.Where(p => !ContextTypes.Contains(SourceTypeNames.FullName(p.Type))).ToList() ?? [];
        foreach (var input in inputs) AddMember("input", input.Name, input.Locations.FirstOrDefault());
        var outputs = execute == null ? [] : ReadOutputs(execute);
        if (execute != null) ReportUnusedInputs(execute, inputs);

        var location = Position(_type.Locations.FirstOrDefault());
        var descriptor = new OperationDescriptor
        {
            Name = _name,
            Category = Named(info, "Category") as string ?? "Operations",
            Description = Named(info, "Description") as string,
            Labels = Named(info, "Labels") as string[] ?? [],
            Cacheable = Named(info, "Cacheable") as bool? ?? true,
            Origin = "project",
            TypeName = SourceTypeNames.FullName(_type),
            Inputs = inputs.Select(p => Port(p.Name, p.Type) with { Optional = p.HasExplicitDefaultValue }).ToList(),
            Outputs = outputs,
            Attributes = attributes,
            References = references,
        };
        var members = _members.OrderBy(m => Array.IndexOf(MemberOrder, m.Kind)).ToList();
        return (new SourceOperation(descriptor, location.Path, location.Line, location.Column, members, []), _type, _analysis);
    }

    private static readonly string[] MemberOrder = ["reference", "attribute", "input", "output"];

    private (List<AttributeDescriptor>, List<ReferenceDescriptor>) ReadConstructor(IMethodSymbol? constructor)
    {
        var attributes = new List<AttributeDescriptor>();
        var references = new List<ReferenceDescriptor>();
        foreach (var parameter in constructor?.Parameters ?? [])
        {
            var location = parameter.Locations.FirstOrDefault();
            if (AttributeKind(parameter.Type) is { } kind)
            {
                attributes.Add(ReadAttribute(parameter, kind));
                AddMember("attribute", parameter.Name, location);
            }
            else if (SourceTypeNames.Is(parameter.Type, ArchitectureType))
            {
                references.Add(new ReferenceDescriptor(parameter.Name, "architecture"));
                AddMember("reference", parameter.Name, location);
            }
            else if (parameter.Type.TypeKind != TypeKind.Error) // an unknown type is already a compile error
                Report(location, $"constructor parameter '{parameter.Name}' has type {SourceTypeNames.Name(parameter.Type)}; attributes are numbers, strings, booleans or enums, and references are Architecture");
        }
        return (attributes, references);
    }

    /// <summary>As <see cref="AttributeKinds.Of"/>: the kind of a constructor parameter that is an attribute, or null.</summary>
    private static string? AttributeKind(ITypeSymbol type)
    {
        type = UnwrapNullable(type);
        if (type.TypeKind == TypeKind.Enum) return "enum";
        return type.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 => "integer",
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal => "number",
            SpecialType.System_Boolean => "boolean",
            SpecialType.System_String => "string",
            _ => null,
        };
    }

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static AttributeDescriptor ReadAttribute(IParameterSymbol parameter, string kind)
    {
        var type = UnwrapNullable(parameter.Type);
        var values = type.TypeKind == TypeKind.Enum ? EnumMembers((INamedTypeSymbol)type) : null;
        JsonElement? defaultValue = parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: { } value }
            ? values != null
                ? JsonSerializer.SerializeToElement(values.FirstOrDefault(v => v.Value == EnumBits(value)).Name)
                : JsonSerializer.SerializeToElement(value, Data.Json.Options)
            : null;
        return new AttributeDescriptor(parameter.Name, kind, defaultValue, values?.Select(v => v.Name).ToList(),
            kind is "integer" or "number" ? ReadRange(parameter) : null);
    }

    /// <summary>As the reflection reader: <c>[Range(min, max)]</c>, <c>[Range(typeof(T), "min", "max")]</c>, and the exclusive flags.</summary>
    private static AttributeRange? ReadRange(IParameterSymbol parameter)
    {
        var range = parameter.GetAttributes().FirstOrDefault(a => SourceTypeNames.Is(a.AttributeClass, RangeAttributeType));
        if (range == null || range.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)) return null;
        var bounds = range.ConstructorArguments.TakeLast(2).Select(a => a.Value).ToList();
        if (bounds.Count != 2) return null;
        return AttributeRange.From(bounds[0], bounds[1], Named(range, "MinimumIsExclusive") as bool? ?? false, Named(range, "MaximumIsExclusive") as bool? ?? false);
    }

    /// <summary>An enum's members as <see cref="Enum.GetNames(Type)"/> orders them: by value, compared unsigned.</summary>
    private static List<(string Name, ulong Value)> EnumMembers(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(f => f is { HasConstantValue: true, ConstantValue: not null })
            .Select(f => (f.Name, Value: EnumBits(f.ConstantValue!))).OrderBy(f => f.Value).ToList();

    private static ulong EnumBits(object value) => value switch
    {
        sbyte or short or int or long => unchecked((ulong)Convert.ToInt64(value)),
        _ => Convert.ToUInt64(value),
    };

    private IMethodSymbol? FindExecute()
    {
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var candidates = new List<IMethodSymbol>();
        for (var current = _type; current != null; current = current.BaseType)
        {
            foreach (var method in current.GetMembers().OfType<IMethodSymbol>())
            {
                if (method is not { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public, Name: "Execute" or "ExecuteAsync" }
                    || overridden.Contains(method.OriginalDefinition))
                    continue;
                candidates.Add(method);
                for (var over = method.OverriddenMethod; over != null; over = over.OverriddenMethod) overridden.Add(over.OriginalDefinition);
            }
        }
        if (candidates.Count == 0) Report(_type.Locations.FirstOrDefault(), "has no public Execute or ExecuteAsync method");
        foreach (var extra in candidates.Skip(1)) Report(extra.Locations.FirstOrDefault() ?? _type.Locations.FirstOrDefault(), "has more than one Execute method; keep one");
        return candidates.FirstOrDefault();
    }

    private List<PortDescriptor> ReadOutputs(IMethodSymbol execute)
    {
        var type = UnwrapTask(execute.ReturnType);
        if (type == null) return [];
        var output = execute.GetReturnTypeAttributes().FirstOrDefault(a => SourceTypeNames.Is(a.AttributeClass, OutputAttributeType));
        var declared = OutputNames(output);
        var declaredAt = OutputArgumentLocations(output);
        var returnAt = ReturnTypeLocation(execute);
        if (!(type is INamedTypeSymbol { IsGenericType: true } tuple && SourceTypeNames.DefinitionName(tuple).StartsWith("System.ValueTuple`", StringComparison.Ordinal)))
        {
            var single = declared.Count > 0 ? declared[0] : "result";
            AddMember("output", single, declared.Count > 0 ? declaredAt.ElementAtOrDefault(0) ?? returnAt : returnAt);
            return [Port(single, type)];
        }

        var elements = (tuple.TupleUnderlyingType ?? tuple).TypeArguments;
        var tupleElements = tuple.IsTupleType ? tuple.TupleElements : [];
        var names = declared.Count > 0
            ? declared.Select(n => (string?)n).ToList()
            : tupleElements.Take(elements.Length).Select(e => e.IsExplicitlyNamedTupleElement ? e.Name : null).ToList();
        if (names.Count != elements.Length || names.Any(n => n == null))
            Report(returnAt, "returns a tuple whose elements are not all named; name them, e.g. (Tensor train, Tensor test)");
        var ports = new List<PortDescriptor>();
        for (var i = 0; i < elements.Length; i++)
        {
            var name = names.ElementAtOrDefault(i) ?? $"Item{i + 1}";
            var at = declared.Count > 0 ? declaredAt.ElementAtOrDefault(i)
                : tupleElements.ElementAtOrDefault(i) is { IsExplicitlyNamedTupleElement: true } element ? element.Locations.FirstOrDefault(l => l.IsInSource) : null;
            AddMember("output", name, at ?? returnAt);
            ports.Add(Port(name, elements[i]));
        }
        return ports;
    }

    private static ITypeSymbol? UnwrapTask(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void
            || SourceTypeNames.Is(type, "System.Threading.Tasks.Task") || SourceTypeNames.Is(type, "System.Threading.Tasks.ValueTask"))
            return null;
        if (type is INamedTypeSymbol named && (SourceTypeNames.Is(named, "System.Threading.Tasks.Task`1") || SourceTypeNames.Is(named, "System.Threading.Tasks.ValueTask`1")))
            return named.TypeArguments[0];
        return type;
    }

    private static List<string> OutputNames(AttributeData? output)
    {
        if (output == null) return [];
        return output.ConstructorArguments
            .SelectMany(a => a.Kind == TypedConstantKind.Array ? (a.IsNull ? [] : a.Values) : [a])
            .Select(v => v.Value).OfType<string>().ToList();
    }

    private static List<Location> OutputArgumentLocations(AttributeData? output) =>
        output?.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } arguments }
            ? arguments.Arguments.Select(a => a.GetLocation()).ToList()
            : [];

    private static Location? ReturnTypeLocation(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType.GetLocation()
        ?? method.Locations.FirstOrDefault();

    /// <summary>Warns of each input that Execute's body never reads (DF0001), at the parameter.</summary>
    private void ReportUnusedInputs(IMethodSymbol execute, IReadOnlyList<IParameterSymbol> inputs)
    {
        var declaration = execute.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var body = (SyntaxNode?)declaration?.Body ?? declaration?.ExpressionBody;
        if (body == null || inputs.Count == 0) return;
        var model = _compilation.GetSemanticModel(body.SyntaxTree);
        var identifiers = body.DescendantNodes().OfType<IdentifierNameSyntax>().ToList();
        foreach (var input in inputs)
        {
            var used = identifiers.Where(i => i.Identifier.ValueText == input.Name).Any(i =>
            {
                var symbol = model.GetSymbolInfo(i);
                // Code that does not bind (mid-edit) counts as a use rather than flagging an input that may well be read.
                return symbol.Symbol is null
                    ? symbol.CandidateSymbols.IsEmpty || symbol.CandidateSymbols.Contains(input, SymbolEqualityComparer.Default)
                    : SymbolEqualityComparer.Default.Equals(symbol.Symbol, input);
            });
            if (!used) _analysis.Add(Diagnostic.Create(UnusedInput, input.Locations.FirstOrDefault(), input.Name));
        }
    }

    private void Report(Location? location, string message) =>
        _analysis.Add(Diagnostic.Create(InvalidOperation, location, $"operation '{_name}' {message}"));

    private void AddMember(string kind, string name, Location? location)
    {
        var position = Position(location);
        _members.Add(new SourceMember(kind, name, position.Path, position.Line, position.Column));
    }

    private static PortDescriptor Port(string name, ITypeSymbol type) => new(name, SourceTypeNames.FullName(type), SourceTypeNames.Display(type));

    private static (string Path, int Line, int Column) Position(Location? location)
    {
        if (location is not { IsInSource: true }) return ("", 0, 0);
        var span = location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static bool IsInside(Location location, INamedTypeSymbol type) =>
        location.IsInSource && type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == location.SourceTree && r.Span.Contains(location.SourceSpan.Start));

    private static IEnumerable<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start);
}
