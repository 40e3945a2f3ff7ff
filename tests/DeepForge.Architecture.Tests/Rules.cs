namespace DeepForge.Architecture.Tests;

/// <summary>The arrows each rule refuses, as found in the project files.</summary>
internal static class Rules
{
    /// <summary>A library (src/) referencing a host (hosts/), a test or a sample.</summary>
    public static IEnumerable<Arrow> UpwardReferences(Repository repo) =>
        from p in repo.Projects.Where(p => p.Room == Room.Library)
        from r in p.References
        where repo.Find(r) is { Room: not Room.Library }
        select new Arrow(p.Assembly, repo.Find(r)!.Assembly);

    /// <summary>A host referencing another host; only the composers (the command and its benchmarks) may.</summary>
    public static IEnumerable<Arrow> HostToHost(Repository repo) =>
        from p in repo.Projects.Where(p => p.Room == Room.Host && !ProjectFile.Composers.Contains(p.Assembly))
        from r in p.References
        where repo.Find(r) is { Room: Room.Host }
        select new Arrow(p.Assembly, repo.Find(r)!.Assembly);

    /// <summary>Internals opened to anything but a test assembly.</summary>
    public static IEnumerable<Arrow> InternalsToNonTests(Repository repo) =>
        from p in repo.Projects.Where(p => p.Room != Room.Test)
        from grantee in p.InternalsVisibleTo
        where !repo.TestAssemblies.Contains(grantee)
        select new Arrow(p.Assembly, grantee);

    /// <summary>Core depending on anything but the BCL and Microsoft.Extensions: no project, no other package.</summary>
    public static IEnumerable<Arrow> CoreDependencies(Repository repo)
    {
        var core = repo.Find("DeepForge.Core") ?? throw new InvalidOperationException("src/DeepForge.Core is missing");
        return core.References.Concat(core.Packages.Where(p => !p.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)))
            .Select(to => new Arrow(core.Assembly, to));
    }
}
