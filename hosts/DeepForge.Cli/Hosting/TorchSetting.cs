using DeepForge.Configuration;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// Hands the setting torch.dir to DeepForge.Torch, which reads it from DEEPFORGE_TORCH_DIR: set in this process before
/// libtorch loads, it also reaches every job process a worker of this command starts, since children inherit it.
/// </summary>
internal static class TorchSetting
{
    public const string Key = "torch.dir";
    public const string EnvironmentVariable = "DEEPFORGE_TORCH_DIR";

    public static void Apply(DeepForgeConfig config)
    {
        // The variable already set wins, as for every setting; Show reads it first anyway.
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 }) return;
        if (config.Show(Key) is string { Length: > 0 } folder) Environment.SetEnvironmentVariable(EnvironmentVariable, folder);
    }
}
