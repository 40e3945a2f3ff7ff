namespace DeepForge.Dispatch;

/// <summary>A worker as last heard from (collection <c>runners</c>): its labels, host and slots.</summary>
public sealed class RunnerRecord
{
    /// <summary>The runner's id, as it leases with.</summary>
    public string Id { get; set; } = "";
    /// <summary>Its labels, lowercase and sorted.</summary>
    public List<string> Labels { get; set; } = [];
    /// <summary>The machine it said it runs on.</summary>
    public string? Host { get; set; }
    /// <summary>How many jobs it runs at once.</summary>
    public int Slots { get; set; }
    /// <summary>When this server first heard from it.</summary>
    public DateTimeOffset FirstSeen { get; set; }
    /// <summary>When it was last heard from (a lease request or a heartbeat).</summary>
    public DateTimeOffset LastSeen { get; set; }
}
