using Microsoft.Extensions.Options;

namespace DeepForge.Core.Tests.Leases;

public sealed class LeaseOptionsTests
{
    [Theory]
    [InlineData(10, 6)]
    [InlineData(10, 0)]
    [InlineData(0, 0)]
    public void LeaseOptions_AreRefused_WhenTheLeaseIsNotRenewedAtLeastTwiceInIt(int leaseSeconds, int renewalSeconds)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestEngine.Create(b => b.Configure(o =>
            (o.ExecutionLease, o.ExecutionLeaseRenewal) = (TimeSpan.FromSeconds(leaseSeconds), TimeSpan.FromSeconds(renewalSeconds)))));

        Assert.Contains("ExecutionLeaseRenewal must be more than zero and at most half of ExecutionLease", error.Message);
    }
}
