using Xunit;
using Xunit.Sdk;

namespace DeepForge.Testing;

/// <summary>
/// A test of <see cref="DocumentStoreContract"/>: a plain fact, skipped with its reason when the test class carries a
/// <see cref="RequiresEnvironmentAttribute"/> whose variable is not set (a store that needs a server the machine lacks).
/// </summary>
[XunitTestCaseDiscoverer("DeepForge.Testing.StoreFactDiscoverer", "DeepForge.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;
