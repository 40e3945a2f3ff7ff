namespace DeepForge.Dispatch;

/// <summary>A worker as last heard from (collection <c>runners</c>): its labels, host and slots.</summary>
internal sealed class RunnerRecord
{
    public string Id { get; set; } = "";
    public List<string> Labels { get; set; } = [];
    public string? Host { get; set; }
    public int Slots { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
}
