using Quartz;

namespace DeepForge.Schedules;

/// <summary>The Quartz job that brings this server's triggers in line with the schedules in the store (which other servers and commands change).</summary>
internal sealed class ScheduleSyncJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await ((ScheduleRunner)context.Scheduler.Context[ScheduleFireJob.RunnerKey]!).SyncAsync(cancellationToken);
}
