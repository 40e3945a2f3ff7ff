using System.Globalization;
using System.Text.Json;
using DeepForge.Runtime;
using DeepForge.Storage;
using Microsoft.Extensions.Logging;

namespace DeepForge.Schedules;

/// <summary>
/// One fire of a schedule: an execution whose id derives from (schedule, fire time), created by one insert that fails when the
/// id exists, then run in the background of this server. Another server, or this one after a restart, firing the same time
/// finds the id taken and starts nothing.
/// </summary>
internal sealed class ScheduleFire(DeepForgeStore store, ScheduleStore schedules, ExecutionService executions, BackgroundExecutions background, ILogger<ScheduleFire> logger)
{
    /// <summary>The execution id of a fire: the fire time first, so ids sort by time as other executions' do.</summary>
    public static string ExecutionId(string scheduleId, DateTimeOffset fireTime) =>
        $"{fireTime.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{scheduleId}";

    public static RunOptions OptionsOf(Dictionary<string, Dictionary<string, JsonElement>> attributes, Dictionary<string, string> inputs)
    {
        var options = new RunOptions();
        foreach (var (node, values) in attributes) options.Attributes[node] = new(values);
        foreach (var (node, artifact) in inputs) options.Inputs[node] = artifact;
        return options;
    }

    /// <summary>Fires the schedule for <paramref name="fireTime"/> when it is still there and not paused; true when this call started the run.</summary>
    public async Task<bool> FireAsync(string scheduleId, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        // The store is the truth: a schedule paused or removed on another server since this one scheduled its trigger does not fire.
        if ((await schedules.Collection.GetAsync(scheduleId, cancellationToken))?.Value is not { Paused: false } schedule) return false;
        var started = await StartAsync(schedule, fireTime, cancellationToken);
        await RecordAsync(schedule, fireTime, started.Error, cancellationToken);
        return started.Started;
    }

    /// <summary>Creates and starts the fire's execution; (false, null) when it exists already, (false, why) when it could not be made.</summary>
    public async Task<(bool Started, string? Error)> StartAsync(ScheduleRecord schedule, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var options = OptionsOf(schedule.Attributes, schedule.Inputs);
        (options.Id, options.ScheduleId, options.ScheduledFor) = (ExecutionId(schedule.Id, fireTime), schedule.Id, fireTime);
        options.StartedBy = schedule.CreatedBy;
        try
        {
            if (await executions.TryCreateAsync(schedule.Project, schedule.Pipeline, options, cancellationToken) is not { } execution)
            {
                ScheduleLog.AlreadyFired(logger, schedule.Id, fireTime, options.Id);
                return (false, null);
            }
            background.Start(execution.Id);
            ScheduleLog.Fired(logger, schedule.Id, fireTime, execution.Id);
            return (true, null);
        }
        catch (DeepForgeException e)
        {
            // The pipeline changed since the schedule was made and no longer runs: said on the schedule, tried again next fire.
            ScheduleLog.FireRefused(logger, schedule.Id, fireTime, e.Message);
            return (false, e.Message);
        }
    }

    private Task RecordAsync(ScheduleRecord schedule, DateTimeOffset fireTime, string? error, CancellationToken cancellationToken) =>
        UpdateIfThereAsync(schedule, s =>
        {
            if (s.HandledUntil < fireTime) s.HandledUntil = fireTime;
            s.LastError = error;
        }, cancellationToken);

    /// <summary>Whether the fire's execution exists (it ran, here or on another server).</summary>
    public async Task<bool> ExistsAsync(ScheduleRecord schedule, DateTimeOffset fireTime, CancellationToken cancellationToken) =>
        await store.Executions.GetAsync(ExecutionId(schedule.Id, fireTime), cancellationToken) != null;

    /// <summary>Changes the stored schedule; nothing when it was removed meanwhile.</summary>
    public async Task UpdateIfThereAsync(ScheduleRecord schedule, Action<ScheduleRecord> change, CancellationToken cancellationToken)
    {
        try
        {
            await schedules.Collection.UpdateAsync(schedule.Id, schedule.Project, s => { change(s); return s; }, cancellationToken);
        }
        catch (KeyNotFoundException) { } // removed since it fired: nothing to record on
    }
}
