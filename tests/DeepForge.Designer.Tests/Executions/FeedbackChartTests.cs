using Bunit;
using DeepForge.Designer.Executions;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>A loss that diverged: the chart draws the finite points, leaves a gap where a value is not finite, and says where.</summary>
public sealed class FeedbackChartTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public FeedbackChartTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddRadzenComponents();
        // bunit has no layout: the chart gets the size a browser would measure.
        _context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 260 });
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void A_chart_with_NaN_and_infinite_points_renders_with_a_gap_and_says_where_they_are()
    {
        var line = new FeedbackLine("train");
        line.Add([0, 1.5, 1, double.NaN, 2, double.PositiveInfinity, 3, 0.5]);

        var chart = _context.Render<FeedbackChart>(p => p.Add(c => c.Title, "Loss").Add(c => c.Series, [new ChartSeries(line.Name, line.Points)]));

        Assert.Equal("4", chart.Find(".df-chart").GetAttribute("data-points"));
        // Radzen draws a null value as a gap: the line moves past it ("M") instead of drawing to it ("L").
        Assert.Contains(chart.FindAll("svg path"), e => e.GetAttribute("d") is { } d && d.Count(c => c == 'M') == 2 && !d.Contains('L'));
        Assert.DoesNotContain(chart.FindAll("svg path, svg circle, svg line"), e => e.OuterHtml.Contains("NaN") || e.OuterHtml.Contains("Infinity"));
        Assert.Equal("Not finite, not drawn: train at 1: NaN; train at 2: Infinity", chart.Find(".df-chart-not-finite").TextContent.Trim());
    }

    [Fact]
    public void A_chart_of_finite_points_says_nothing_about_gaps()
    {
        var line = new FeedbackLine("train");
        line.Add([0, 1.5, 1, 0.5]);

        var chart = _context.Render<FeedbackChart>(p => p.Add(c => c.Title, "Loss").Add(c => c.Series, [new ChartSeries(line.Name, line.Points)]));

        Assert.Empty(chart.FindAll(".df-chart-not-finite"));
    }
}
