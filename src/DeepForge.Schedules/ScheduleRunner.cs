using DeepForge.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DeepForge.Schedules;

/// <summary>
/// A server's scheduler: at start, deals with the fires missed while no server ran (each schedule's policy), then keeps one
/// Quartz cron trigger (in memory) per active schedule in the store, and a sync trigger that follows changes made elsewhere.
/// Every server runs one; the derived execution ids make a fire run once however many do.
/// </summary>
internal sealed class ScheduleRunner(
    ScheduleStore schedules, ScheduleFire fire, ScheduleChanges changes, IOptions<ScheduleRunnerOptions> options, TimeProvider time,
    ILogger<ScheduleRunner> logger) : IHostedService, IDisposable
{
    private const int MaxMissedChecked = 10_000;
    private static readonly JobKey SyncKey = new("sync", "deepforge");
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly Dictionary<string, string> _scheduled = new(StringComparer.Ordinal); // schedule id -> the Quartz cron of its trigger
    private readonly CancellationTokenSource _stopping = new();
    private StandaloneSchedulerFactory? _factory;
    private IScheduler? _scheduler;
    private Task _starting = Task.CompletedTask;
    private DateTimeOffset _missedUntil = DateTimeOffset.MinValue; // fires up to here were dealt with at start; the triggers take those after

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One scheduler per runner: a process may hold several servers (tests, an app embedding two), each with its own.
        _factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = $"deepforge-{Guid.NewGuid():n}");
            q.UseDefaultThreadPool(2);
        }).Build();
        _scheduler = await _factory.GetScheduler(cancellationToken);
        _scheduler.Context[ScheduleFireJob.RunnerKey] = this;
        changes.Changed += OnChanged;
        // In the background: dealing with missed fires may compile a project, which must not hold up the server's start.
        _starting = Task.Run(() => BeginAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= OnChanged;
        await _stopping.CancelAsync();
        try { await _starting.WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { }
        if (_factory != null) await _factory.DisposeAsync();
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _sync.Dispose();
    }

    public Task FireAsync(string scheduleId, DateTimeOffset fireTime, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        await fire.FireAsync(scheduleId, fireTime, cancellationToken);
    }, e => ScheduleLog.FireFailed(logger, scheduleId, fireTime, e));

    /// <summary>Adds, changes and removes triggers so there is one per active schedule in the store.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        if (_scheduler is not { } scheduler) return;
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var active = (await schedules.Collection.ListAsync(null, cancellationToken)).Where(s => !s.Paused).ToDictionary(s => s.Id, StringComparer.Ordinal);
            foreach (var (id, _) in _scheduled.Where(s => active.GetValueOrDefault(s.Key)?.QuartzCron != s.Value).ToList())
            {
                await scheduler.DeleteJob(new JobKey(id), cancellationToken);
                _scheduled.Remove(id);
            }
            foreach (var (id, schedule) in active.Where(a => !_scheduled.ContainsKey(a.Key)))
            {
                // From where the schedule was dealt with (not from now), so a fire between the start's look for missed fires and
                // this trigger is fired late rather than lost; an earlier one that ran already finds its execution there.
                var from = schedule.HandledUntil > _missedUntil ? schedule.HandledUntil : _missedUntil;
                await scheduler.ScheduleJob(JobBuilder.Create<ScheduleFireJob>().WithIdentity(id).Build(), CronTrigger(id, schedule.QuartzCron, from), default, cancellationToken);
                _scheduled[id] = schedule.QuartzCron;
            }
        }
        finally
        {
            _sync.Release();
        }
    }, e => ScheduleLog.SyncFailed(logger, e));

    private async Task BeginAsync(CancellationToken cancellationToken)
    {
        await GuardedAsync(() => HandleMissedAsync(cancellationToken), e => ScheduleLog.SyncFailed(logger, e));
        await SyncAsync(cancellationToken);
        if (_scheduler is not { } scheduler || cancellationToken.IsCancellationRequested) return;
        await GuardedAsync(async () =>
        {
            await scheduler.ScheduleJob(JobBuilder.Create<ScheduleSyncJob>().WithIdentity(SyncKey).Build(),
                TriggerBuilder.Create().WithIdentity("sync", "deepforge").StartAt(time.GetUtcNow() + options.Value.SyncInterval)
                    .WithSimpleSchedule(s => s.WithInterval(options.Value.SyncInterval).RepeatForever()).Build(), default, cancellationToken);
            await scheduler.Start(cancellationToken);
        }, e => ScheduleLog.SyncFailed(logger, e));
    }

    private static ITrigger CronTrigger(string id, string cron, DateTimeOffset from) => TriggerBuilder.Create().WithIdentity(id).StartAt(from)
        // Every fire keeps its own fire time even when late (a busy pool): the fire time is what makes its execution id.
        .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.IgnoreMisfires))
        .Build();

    /// <summary>For each active schedule, the fires since it was last dealt with that no execution exists for, by its policy.</summary>
    private async Task HandleMissedAsync(CancellationToken cancellationToken)
    {
        var until = _missedUntil = time.GetUtcNow() - options.Value.MissedGrace;
        foreach (var schedule in await schedules.Collection.ListAsync(null, cancellationToken))
        {
            if (schedule.Paused) continue;
            var missed = new List<DateTimeOffset>();
            var expression = CronText.Parse(schedule.QuartzCron);
            for (var at = expression.GetNextValidTimeAfter(schedule.HandledUntil); at is { } t && t <= until && missed.Count < MaxMissedChecked; at = expression.GetNextValidTimeAfter(t))
                missed.Add(t);
            var notRun = new List<DateTimeOffset>();
            foreach (var t in missed)
                if (!await fire.ExistsAsync(schedule, t, cancellationToken)) notRun.Add(t);
            if (notRun.Count == 0) continue;
            await HandleAsync(schedule, notRun, until, cancellationToken);
        }
    }

    private async Task HandleAsync(ScheduleRecord schedule, List<DateTimeOffset> missed, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (first, last) = (missed[0], missed[^1]);
        string? error = null;
        if (schedule.Missed == MissedFirePolicy.RunOnce) (_, error) = await fire.StartAsync(schedule, last, cancellationToken);
        var action = MissedFirePolicies.Name(schedule.Missed);
        ScheduleLog.Missed(logger, schedule.Id, missed.Count, first, last, action);
        await fire.UpdateIfThereAsync(schedule, s =>
        {
            s.LastMissed = new MissedFiresView(missed.Count, first, last, action, time.GetUtcNow());
            if (s.HandledUntil < last) s.HandledUntil = last;
            if (error != null) s.LastError = error;
        }, cancellationToken);
    }

    private void OnChanged() => _ = SyncAsync(_stopping.Token);

    // A fire or sync that fails (the store away for a moment) is logged; the trigger stays and the next one tries again.
    private static async Task GuardedAsync(Func<Task> action, Action<Exception> log)
    {
        try { await action(); }
        catch (OperationCanceledException) { }
        catch (Exception e) { log(e); }
    }
}
