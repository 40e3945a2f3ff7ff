using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeepForge.Testing;

/// <summary>A test case reported as skipped with a reason found at discovery (see <see cref="StoreFactDiscoverer"/>).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    /// <summary>For xunit's de-serializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase() { }

    /// <summary>A test case of <paramref name="testMethod"/> that is skipped with <paramref name="reason"/>.</summary>
    public SkippedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod) => _reason = reason;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;
}
