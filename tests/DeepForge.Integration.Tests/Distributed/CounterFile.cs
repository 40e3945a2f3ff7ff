namespace DeepForge.Integration.Tests.Distributed;

/// <summary>The lines the test operations append: "name start pid" and "name done".</summary>
internal sealed class CounterFile(string path)
{
    public string Path { get; } = path;

    public string[] Lines() => File.Exists(Path) ? File.ReadAllLines(Path) : [];

    public int Starts(string name) => Lines().Count(l => l.StartsWith($"{name} start ", StringComparison.Ordinal));

    public int Dones(string name) => Lines().Count(l => l == $"{name} done");

    /// <summary>The process ids of the job processes that started the named operation, in order.</summary>
    public int[] Pids(string name) =>
        Lines().Where(l => l.StartsWith($"{name} start ", StringComparison.Ordinal)).Select(l => int.Parse(l[$"{name} start ".Length..])).ToArray();

    public override string ToString() => $"{Path}:\n{string.Join('\n', Lines())}";
}
