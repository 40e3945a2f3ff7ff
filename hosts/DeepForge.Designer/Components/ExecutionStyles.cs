using DeepForge.Models;
using Radzen;

namespace DeepForge.Designer.Components;

/// <summary>The badge colour of each execution and node status, the same on every page.</summary>
internal static class ExecutionStyles
{
    public static BadgeStyle Of(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => BadgeStyle.Success,
        ExecutionStatus.Failed => BadgeStyle.Danger,
        ExecutionStatus.Running => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle Of(NodeStatus? status) => status switch
    {
        NodeStatus.Succeeded => BadgeStyle.Success,
        NodeStatus.Failed => BadgeStyle.Danger,
        NodeStatus.Running => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };
}
