using DeepForge.Api;
using DeepForge.Projects;
using DeepForge.Runtime;
using DeepForge.Storage;

namespace DeepForge.Schedules;

/// <summary>
/// Schedules of pipelines: add (checked as a run would be, so a schedule that could never run is refused), list with next fire
/// times and last runs, pause, resume, remove. The store holds them; the scheduler of every server reads them from there.
/// </summary>
public sealed class ScheduleService
{
    private const int NextFireCount = 3;
    private const int LastRunCount = 5;
    private readonly ScheduleStore _schedules;
    private readonly ExecutionService _executions;
    private readonly ProjectService _projects;
    private readonly TimeProvider _time;
    private readonly ScheduleChanges _changes;

    internal ScheduleService(ScheduleStore schedules, ExecutionService executions, ProjectService projects, TimeProvider time, ScheduleChanges changes) =>
        (_schedules, _executions, _projects, _time, _changes) = (schedules, executions, projects, time, changes);

    /// <summary>Stores a new schedule; a <see cref="DeepForgeException"/> naming what is wrong (cron, pipeline, node, attribute, input, policy) stores nothing.</summary>
    public async Task<ScheduleView> AddAsync(string project, AddScheduleRequest request, string? createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cron = CronText.Parse(request.Cron);
        var missed = MissedFirePolicies.Parse(request.Missed);
        var options = ScheduleFire.OptionsOf(request.Attributes ?? [], request.Inputs ?? []);
        var problems = await _executions.ValidateAsync(project, request.Pipeline, options, [], cancellationToken);
        if (problems.Count > 0) throw new DeepForgeException(problems);
        var now = _time.GetUtcNow();
        var record = new ScheduleRecord
        {
            Id = NewId(), Project = project, Pipeline = request.Pipeline, Cron = request.Cron.Trim(), QuartzCron = cron.CronExpressionString,
            Attributes = request.Attributes ?? [], Inputs = request.Inputs ?? [], Missed = missed, CreatedAt = now, CreatedBy = createdBy, HandledUntil = now,
        };
        await _schedules.Collection.PutAsync(record.Id, project, record, 0, cancellationToken);
        _changes.Raise();
        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>Checks a cron expression as <see cref="AddAsync"/> does; a <see cref="DeepForgeException"/> names what is wrong.</summary>
    public static void CheckCron(string? cron) => CronText.Parse(cron);

    /// <summary>
    /// Checks what can be checked without the project (the cron and the policy for missed fires), so a command can refuse a
    /// schedule before it uploads the files given as its inputs.
    /// </summary>
    public static void CheckRequest(AddScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CronText.Parse(request.Cron);
        MissedFirePolicies.Parse(request.Missed);
    }

    /// <summary>The schedules of a project, or of every project when <paramref name="project"/> is null, oldest first.</summary>
    public async Task<IReadOnlyList<ScheduleView>> ListAsync(string? project, CancellationToken cancellationToken = default)
    {
        if (project != null) await _projects.GetAsync(project, cancellationToken); // an unknown project is said, not listed as empty
        var views = new List<ScheduleView>();
        foreach (var record in (await _schedules.Collection.ListAsync(project, cancellationToken)).OrderBy(s => s.CreatedAt))
            views.Add(await ViewAsync(record, cancellationToken));
        return views;
    }

    /// <summary>The schedule, or null when the project has none of this id.</summary>
    public async Task<ScheduleView?> GetAsync(string project, string id, CancellationToken cancellationToken = default) =>
        await FindAsync(project, id, cancellationToken) is { } record ? await ViewAsync(record, cancellationToken) : null;

    /// <summary>The project of a schedule id, or null when no project has it (for commands that name only the schedule).</summary>
    public async Task<string?> ProjectOfAsync(string id, CancellationToken cancellationToken = default) =>
        (await _schedules.Collection.GetAsync(id, cancellationToken))?.Value.Project;

    /// <summary>Pauses or resumes; null when the project has no such schedule. Resuming does not count the pause as missed fires.</summary>
    public async Task<ScheduleView?> SetPausedAsync(string project, string id, bool paused, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(project, id, cancellationToken) == null) return null;
        var now = _time.GetUtcNow();
        var record = await _schedules.Collection.UpdateAsync(id, project, s =>
        {
            if (s.Paused && !paused && s.HandledUntil < now) s.HandledUntil = now;
            s.Paused = paused;
            return s;
        }, cancellationToken);
        _changes.Raise();
        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>Removes a schedule (its executions stay); false when the project has no such schedule.</summary>
    public async Task<bool> RemoveAsync(string project, string id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(project, id, cancellationToken) == null || !await _schedules.Collection.DeleteAsync(id, cancellationToken)) return false;
        _changes.Raise();
        return true;
    }

    private async Task<ScheduleRecord?> FindAsync(string project, string id, CancellationToken cancellationToken) =>
        (await _schedules.Collection.GetAsync(id, cancellationToken))?.Value is { } record && record.Project == project ? record : null;

    private async Task<ScheduleView> ViewAsync(ScheduleRecord record, CancellationToken cancellationToken)
    {
        var next = record.Paused ? [] : CronText.NextFires(CronText.Parse(record.QuartzCron), _time.GetUtcNow(), NextFireCount);
        var runs = (await _executions.ListAsync(record.Project, cancellationToken)).Where(e => e.ScheduleId == record.Id)
            .OrderByDescending(e => e.ScheduledFor).Take(LastRunCount).Select(ExecutionSummary.Of).ToList();
        return new ScheduleView(record.Id, record.Project, record.Pipeline, record.Cron, record.QuartzCron, MissedFirePolicies.Name(record.Missed), record.Paused,
            record.CreatedAt, record.CreatedBy, record.Attributes, record.Inputs, next, runs, record.LastMissed, record.LastError);
    }

    private static string NewId() => $"s{Guid.NewGuid().ToString("n")[..8]}";
}
