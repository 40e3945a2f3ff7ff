using DeepForge.Storage;

namespace DeepForge.Schedules;

/// <summary>The "schedules" collection of DeepForge's store, partitioned by project.</summary>
internal sealed class ScheduleStore(DeepForgeStore store)
{
    public const string Name = "schedules";

    public DocumentCollection<ScheduleRecord> Collection { get; } = new(store.Documents, Name);
}
