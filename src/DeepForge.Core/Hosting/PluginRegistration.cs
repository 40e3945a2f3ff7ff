using System.Reflection;

namespace DeepForge.Hosting;

/// <summary>A plugin assembly a host registered with <see cref="DeepForgeBuilder.AddPlugin"/>.</summary>
public sealed record PluginRegistration(string Name, Assembly Assembly);
