using System.Text.RegularExpressions;
using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Runtime;

namespace DeepForge.Cli.Folders;

/// <summary>
/// Stores a folder as a project, as <c>deepforge push</c> and <c>deepforge watch</c> do: refuses what cannot run at
/// all (unsafe paths, bad ids, compile errors, unknown operations) whatever <c>--force</c> says, then writes by
/// compare-and-set against the version the folder was pulled at, so edits made elsewhere since are not overwritten
/// unless forced. Problems that only stop a pipeline (an input not connected, an artifact not made yet) are stored
/// as work in progress and reported as warnings.
/// </summary>
internal sealed partial class FolderPush(ProjectService projects, ExecutionService executions, CatalogProvider catalogs)
{
    public async Task<PushOutcome> PushAsync(string directory, string? projectName, bool force, CancellationToken cancellationToken)
    {
        var pulled = PulledRecord.Read(directory);
        var name = projectName ?? pulled?.Project ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var folder = FolderReader.Read(directory, name);
        var stored = await projects.FindAsync(name, cancellationToken);
        folder.Seed ??= stored?.Seed;
        var refusals = ProjectShape.Problems(folder).Concat(FolderReader.LinkProblems(directory, folder)).ToList();
        if (refusals.Count == 0) refusals.AddRange((await CodeRefusalsAsync(folder, cancellationToken)).Select(p => InFolder(directory, p)));
        var changes = ProjectChanges.Between(stored, folder);
        if (refusals.Count > 0) return new PushOutcome(name, false, stored?.Version ?? 0, changes, refusals, []);
        if (stored != null && changes.Count == 0 && pulled?.Project == name && pulled.Version == stored.Version)
            return new PushOutcome(name, false, stored.Version, changes, [], []);

        // The version this folder's edits started from: the pull's, or "new project" for a folder never pulled.
        var expected = pulled?.Project == name ? pulled.Version : 0;
        folder.Version = force ? stored?.Version ?? 0 : expected;
        var result = await projects.TrySaveAsync(folder, cancellationToken);
        if (!result.Saved) return new PushOutcome(name, false, result.Version, changes, [Stale(name, expected, result.Version)], []);
        new PulledRecord(name, result.Version).Write(directory);
        return new PushOutcome(name, true, result.Version, changes, [], await WarningsAsync(folder, cancellationToken));
    }

    private async Task<IReadOnlyList<Problem>> CodeRefusalsAsync(ProjectDefinition folder, CancellationToken cancellationToken)
    {
        CatalogLease lease;
        try { lease = await catalogs.ForAsync(folder.Sources, cancellationToken); }
        catch (DeepForgeException e) { return e.Problems; } // compile errors, each with file, line and column
        using var _ = lease;
        var unknown = from pipeline in folder.Pipelines
                      from node in pipeline.Nodes
                      where node.Kind == NodeKind.Operation && (node.Operation is null || !lease.HasOperation(node.Operation))
                      let location = $"pipeline '{pipeline.Name}', node '{node.Id}'"
                      select new Problem(location, $"{location}: unknown operation '{node.Operation}': neither the folder's code nor an installed extension has it");
        return lease.Errors.Concat(unknown).ToList();
    }

    private async Task<IReadOnlyList<Problem>> WarningsAsync(ProjectDefinition project, CancellationToken cancellationToken)
    {
        var warnings = new List<Problem>();
        foreach (var pipeline in project.Pipelines)
            warnings.AddRange((await executions.ValidateAsync(project, pipeline.Name, cancellationToken))
                .Select(p => new Problem($"pipeline '{pipeline.Name}'", $"pipeline '{pipeline.Name}': {p}")));
        return warnings;
    }

    // 'operations/Train.cs(12,5): error ...' becomes 'myfolder/operations/Train.cs(12,5): error ...', which terminals and IDEs open.
    private static Problem InFolder(string directory, Problem problem) =>
        FolderSourceLocation().IsMatch(problem.Location) && problem.Message.StartsWith(problem.Location, StringComparison.Ordinal)
            ? new Problem(Path.Join(directory, problem.Location), Path.Join(directory, problem.Message))
            : problem;

    private static Problem Stale(string project, long expected, long current) => new($"project '{project}'", current == 0 || expected == 0
        ? ProjectVersions.Refusal(project, expected, current) + (expected == 0 ? "; pull it into this folder first, or push --force to replace it with this folder" : "")
        : $"project '{project}' was changed elsewhere after this folder was pulled at version {expected} (it is at version {current} now): pull it into another folder and merge, or push --force to replace those changes with this folder");

    [GeneratedRegex(@"^[^()<>]+\.cs\(\d+,\d+\)$")]
    private static partial Regex FolderSourceLocation();
}
