using System.Net;
using DeepForge.Client.Http;
using Polly;

namespace DeepForge.Server.Tests.Client;

/// <summary>Which failed attempts the client sends again: any the server never took; the rest only when repeating them does no harm.</summary>
public sealed class RetryRuleTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public void StartingAnExecution_IsSentAgain_WhenTheServerDidNotTakeIt(HttpStatusCode status) =>
        Assert.True(RetryRule.ShouldRetry(Answer(status), Post()));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void StartingAnExecution_IsNotSentAgain_WhenTheServerMayHaveStartedIt(HttpStatusCode status) =>
        Assert.False(RetryRule.ShouldRetry(Answer(status), Post()));

    [Fact]
    public void Reading_IsSentAgain_WhenTheServerFailed() =>
        Assert.True(RetryRule.ShouldRetry(Answer(HttpStatusCode.InternalServerError), new HttpRequestMessage(HttpMethod.Get, "http://s/api/v1/projects")));

    [Fact]
    public void ARunnerReport_IsSentAgain_WhenTheServerFailed()
    {
        var report = Post();
        report.Options.Set(RetryRule.Repeatable, true);

        Assert.True(RetryRule.ShouldRetry(Answer(HttpStatusCode.InternalServerError), report));
    }

    [Fact]
    public void AnUpload_IsNotSentAgain_WhenTheServerHasNoSpace() =>
        Assert.False(RetryRule.ShouldRetry(Answer(HttpStatusCode.InsufficientStorage), new HttpRequestMessage(HttpMethod.Put, "http://s/api/v1/blobs/x")));

    [Fact]
    public void AnyRequest_IsSentAgain_WhenNoConnectionCouldBeMade() =>
        Assert.True(RetryRule.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")), Post()));

    private static HttpRequestMessage Post() => new(HttpMethod.Post, "http://s/api/v1/projects/p/executions");

    private static Outcome<HttpResponseMessage> Answer(HttpStatusCode status) => Outcome.FromResult(new HttpResponseMessage(status));
}
