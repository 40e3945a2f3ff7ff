namespace DeepForge.Worker.Sessions;

/// <summary>Who this worker is to the server: its runner id, and the labels of the jobs it takes.</summary>
internal sealed class WorkerIdentity
{
    public WorkerIdentity(WorkerSettings settings, Microsoft.Extensions.Logging.ILogger<WorkerAgent> logger)
    {
        RunnerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6]}";
        Labels = DetectLabels(settings, logger);
    }

    /// <summary>Host name, process id and a random suffix.</summary>
    public string RunnerId { get; }

    /// <summary><c>cpu</c>; <c>gpu</c> and <c>cuda</c> when a CUDA device is visible; then the configured ones.</summary>
    public IReadOnlyList<string> Labels { get; }

    private static List<string> DetectLabels(WorkerSettings settings, Microsoft.Extensions.Logging.ILogger logger)
    {
        var labels = new List<string> { "cpu" };
        try
        {
            if (settings.CudaAvailable?.Invoke() == true) labels.AddRange(["gpu", "cuda"]);
        }
        catch (Exception e)
        {
            WorkerLog.CudaDetectionFailed(logger, e.Message);
        }
        labels.AddRange(settings.ExtraLabels);
        return labels.Distinct(StringComparer.Ordinal).ToList();
    }
}
