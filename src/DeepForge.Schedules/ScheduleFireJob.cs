using Quartz;

namespace DeepForge.Schedules;

/// <summary>The Quartz job of every schedule (its key is the schedule id): hands the fire to this server's <see cref="ScheduleRunner"/>.</summary>
internal sealed class ScheduleFireJob : IJob
{
    public const string RunnerKey = "deepforge.schedules";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var runner = (ScheduleRunner)context.Scheduler.Context[RunnerKey]!;
        await runner.FireAsync(context.JobDetail.Key.Name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
