using System.Text.Json;
using DeepForge.Catalog;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// What the interface diagram draws: the operation (name, category, description), its inputs, outputs,
/// attributes and references with their types and problems, and the problems of the operation as a whole.
/// Built from the interface read from the code (with the code, types are shown as written) or, for a plugin, from its descriptor.
/// </summary>
public sealed record InterfaceModel(
    string Name, string Category, string? Description,
    IReadOnlyList<InterfaceMember> Inputs, IReadOnlyList<InterfaceMember> Outputs,
    IReadOnlyList<InterfaceMember> Attributes, IReadOnlyList<InterfaceMember> References,
    IReadOnlyList<CodeProblem> OtherProblems)
{
    public int ErrorCount => All.Sum(m => m.Problems.Count(p => p.IsError)) + OtherProblems.Count(p => p.IsError);

    public int WarningCount => All.Sum(m => m.Problems.Count(p => !p.IsError)) + OtherProblems.Count(p => !p.IsError);

    private IEnumerable<InterfaceMember> All => Inputs.Concat(Outputs).Concat(Attributes).Concat(References);

    /// <summary>The model of an operation read from <paramref name="text"/>, with <paramref name="problems"/> located in that file.</summary>
    internal static InterfaceModel FromSource(OperationDescriptor descriptor, IReadOnlyList<SourceMember> members, string text, IReadOnlyList<CodeProblem> problems)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var lines = root.SyntaxTree.GetText().Lines;
        InterfaceMember Member(string kind, string name, string fallbackType, string? defaultValue, bool optional)
        {
            var at = members.FirstOrDefault(m => m.Kind == kind && m.Name == name);
            var parameter = at is { Line: > 0 } && at.Line <= lines.Count
                ? root.FindToken(lines[at.Line - 1].Start + at.Column - 1).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault()
                : null;
            var concerning = problems.Where(p => p.MemberKind == kind && p.MemberName == name).ToList();
            // Types and defaults as the code writes them (Optimizer.Adam rather than "Adam").
            return new InterfaceMember(kind, name, parameter?.Type?.ToString() ?? fallbackType, parameter?.Default?.Value.ToString() ?? defaultValue,
                optional, at?.Line ?? 0, at?.Column ?? 0, concerning);
        }
        return Build(descriptor, Member, problems.Where(p => p.MemberKind == null).ToList());
    }

    /// <summary>The model of an operation known only by its descriptor (a plugin's): kinds stand in for types.</summary>
    internal static InterfaceModel FromDescriptor(OperationDescriptor descriptor) =>
        Build(descriptor, (kind, name, type, value, optional) => new InterfaceMember(kind, name, type, value, optional, 0, 0, []), []);

    private static InterfaceModel Build(OperationDescriptor d, Func<string, string, string, string?, bool, InterfaceMember> member, IReadOnlyList<CodeProblem> other) => new(
        d.Name, d.Category, d.Description,
        d.Inputs.Select(p => member("input", p.Name, p.DisplayType, null, p.Optional)).ToList(),
        d.Outputs.Select(p => member("output", p.Name, p.DisplayType, null, false)).ToList(),
        d.Attributes.Select(a => member("attribute", a.Name, a.Kind, DefaultText(a.Default), false) with { Range = a.Range?.ToString() }).ToList(),
        d.References.Select(r => member("reference", r.Name, r.Kind == "architecture" ? "Architecture" : r.Kind, null, false)).ToList(),
        other);

    private static string? DefaultText(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => JsonSerializer.Serialize(s.GetString()),
        { } v => v.GetRawText(),
    };
}
