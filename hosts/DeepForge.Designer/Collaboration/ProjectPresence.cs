using System.Collections.Concurrent;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// Who has which project open in this server's designer now: one entry per circuit (a browser tab), with the name of
/// the person signed in to it. Per server: with several servers behind a balancer each knows only its own circuits,
/// as presence lives no longer than a connection and is not worth a write to the shared store.
/// </summary>
internal sealed class ProjectPresence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<object, string>> _projects = new(StringComparer.Ordinal);

    /// <summary>Raised with a project's name when someone opens or leaves it; handlers must not block.</summary>
    public event Action<string>? Changed;

    /// <summary>Notes that the circuit <paramref name="circuit"/>, signed in as <paramref name="person"/>, has <paramref name="project"/> open.</summary>
    public void Enter(string project, object circuit, string person)
    {
        var circuits = _projects.GetOrAdd(project, _ => new ConcurrentDictionary<object, string>());
        if (circuits.TryGetValue(circuit, out var was) && was == person) return;
        circuits[circuit] = person;
        Changed?.Invoke(project);
    }

    /// <summary>Notes that <paramref name="circuit"/> no longer has <paramref name="project"/> open (closed, left, or lost its connection).</summary>
    public void Leave(string project, object circuit)
    {
        if (_projects.TryGetValue(project, out var circuits) && circuits.TryRemove(circuit, out _)) Changed?.Invoke(project);
    }

    /// <summary>The people who have <paramref name="project"/> open, each once (several tabs are one person), by name.</summary>
    public IReadOnlyList<string> PeopleIn(string project) =>
        _projects.TryGetValue(project, out var circuits)
            ? circuits.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
}
