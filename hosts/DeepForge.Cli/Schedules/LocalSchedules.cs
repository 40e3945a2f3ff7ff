using DeepForge.Api;
using DeepForge.Cli.Commands;
using DeepForge.Cli.Hosting;
using DeepForge.Runtime;
using DeepForge.Schedules;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Schedules;

/// <summary>Schedules in this machine's data folder (fired by a server started on it).</summary>
internal static class LocalSchedules
{
    public static ScheduleService Service(CliContext context) => context.Services.GetRequiredService<ScheduleService>();

    /// <summary>Checks everything, uploads the files given as inputs (once, now), then stores the schedule.</summary>
    public static async Task<ScheduleView> AddAsync(CliContext context, string project, string pipeline, IEnumerable<string> inputs, RunOptions options,
        Func<AddScheduleRequest> request, CancellationToken cancellationToken)
    {
        // The cron and policy first: a wrong one must not leave uploaded files behind.
        var service = Service(context);
        ScheduleService.CheckRequest(request());
        await InputBinding.BindAsync(context.Engine, project, pipeline, inputs, options, cancellationToken);
        return await service.AddAsync(project, request(), null, cancellationToken);
    }

    public static DeepForgeException NoSchedule(string project, string schedule) =>
        new("schedule", $"project '{project}' has no schedule '{schedule}' (see 'deepforge schedule list {project}')");
}
