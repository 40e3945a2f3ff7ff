namespace DeepForge.Designer.Executions;

/// <summary>An execution offered in a list.</summary>
/// <param name="Id">The execution's id.</param>
/// <param name="Label">How it reads in the list ("20260127-101500-ab12cd · Succeeded").</param>
public sealed record ExecutionChoice(string Id, string Label);
