namespace DeepForge.Torch.Tests.Export;

/// <summary>Files of this repository (the seeds' architectures), found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder != null && !File.Exists(System.IO.Path.Combine(folder.FullName, "DeepForge.sln"))) folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException($"no DeepForge.sln above {AppContext.BaseDirectory}");
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
