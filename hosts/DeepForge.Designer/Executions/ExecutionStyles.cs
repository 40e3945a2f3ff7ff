using DeepForge.Models;
using Radzen;

namespace DeepForge.Designer.Executions;

/// <summary>How statuses and times of executions look, the same on every page.</summary>
internal static class ExecutionStyles
{
    public static BadgeStyle Of(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => BadgeStyle.Success,
        ExecutionStatus.Failed => BadgeStyle.Danger,
        ExecutionStatus.Running => BadgeStyle.Info,
        ExecutionStatus.Cancelled or ExecutionStatus.Interrupted => BadgeStyle.Warning,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle Of(NodeStatus? status) => status switch
    {
        NodeStatus.Succeeded => BadgeStyle.Success,
        NodeStatus.Failed => BadgeStyle.Danger,
        NodeStatus.Running => BadgeStyle.Info,
        NodeStatus.Cancelled => BadgeStyle.Warning,
        _ => BadgeStyle.Light,
    };

    /// <summary>"12.3 s", "4 min 05 s", "1 h 02 min"; a running span counts to now.</summary>
    public static string Duration(DateTimeOffset start, DateTimeOffset? end)
    {
        var span = (end ?? DateTimeOffset.UtcNow) - start;
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        return span.TotalMinutes < 1 ? $"{span.TotalSeconds:0.0} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min {span.Seconds:00} s"
            : $"{(int)span.TotalHours} h {span.Minutes:00} min";
    }
}
