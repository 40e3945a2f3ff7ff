namespace DeepForge.Schedules;

/// <summary>Tells this process's scheduler that a schedule changed here, so it follows at once instead of at its next sync.</summary>
internal sealed class ScheduleChanges
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
