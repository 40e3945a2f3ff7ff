using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeepForge.Testing;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests, skipping them with a reason where their store's variable is not set.</summary>
/// <param name="diagnosticMessageSink">xunit's sink for discovery messages.</param>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        var reason = requirement is null
            ? null
            : RequiresEnvironmentAttribute.SkipReason(
                requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentAttribute.Variable)),
                requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentAttribute.Reason)));
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }
}
