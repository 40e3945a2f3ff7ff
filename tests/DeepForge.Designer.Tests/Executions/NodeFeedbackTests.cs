using DeepForge.Designer.Executions;
using DeepForge.Feedback;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>How a job's feedback events become the graphs and images the execution page draws.</summary>
public sealed class NodeFeedbackTests
{
    private static readonly byte[] First = [1], Second = [2];

    [Fact]
    public void Shows_only_the_latest_image_of_a_title_when_an_operation_shows_that_title_twice()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "image", Id = "i1", Text = "batch", Png = First },
            new FeedbackEvent { Kind = "image", Id = "i2", Text = "samples", Png = First },
            new FeedbackEvent { Kind = "image", Id = "i3", Text = "batch", Png = Second });

        Assert.Equal([("batch", Second), ("samples", First)], feedback.LatestImages.Select(i => (i.Title, i.Png!)));
    }

    [Fact]
    public void An_updated_image_becomes_the_latest_of_its_title()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "image", Id = "i1", Text = "batch", Png = First },
            new FeedbackEvent { Kind = "image", Id = "i2", Text = "batch", Png = First },
            new FeedbackEvent { Kind = "image-update", Id = "i1", Png = Second });

        Assert.Same(Second, Assert.Single(feedback.LatestImages).Png);
    }

    [Fact]
    public void A_retitled_image_shows_under_its_new_title()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "image", Id = "i1", Text = "first batch", Png = First },
            new FeedbackEvent { Kind = "image-title", Id = "i1", Text = "first batch, scaled" });

        Assert.Equal("first batch, scaled", Assert.Single(feedback.LatestImages).Title);
    }

    [Fact]
    public void Every_pair_of_a_points_event_lands_on_its_line_with_the_graphs_labels()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "graph", Id = "g0", Text = "Loss" },
            new FeedbackEvent { Kind = "xlabel", Id = "g0", Text = "step" },
            new FeedbackEvent { Kind = "ylabel", Id = "g0", Text = "loss" },
            new FeedbackEvent { Kind = "line", Id = "g0/train", Parent = "g0", Text = "train" },
            new FeedbackEvent { Kind = "points", Id = "g0/train", Points = [0, 1, 1, 0.5] },
            new FeedbackEvent { Kind = "points", Id = "g0/train", Points = [2, 0.25] });

        var graph = Assert.Single(feedback.Graphs);
        Assert.Equal(("Loss", "step", "loss"), (graph.Title, graph.XLabel, graph.YLabel));
        var series = Assert.Single(graph.Series());
        Assert.Equal("train", series.Name);
        Assert.Equal([new ChartPoint(0, 1), new ChartPoint(1, 0.5), new ChartPoint(2, 0.25)], series.Points);
    }

    [Fact]
    public void A_point_whose_value_is_not_finite_is_a_gap_that_names_the_value_and_one_whose_x_is_not_finite_is_left_out()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "graph", Id = "g0", Text = "Loss" },
            new FeedbackEvent { Kind = "line", Id = "g0/train", Parent = "g0", Text = "train" },
            new FeedbackEvent { Kind = "points", Id = "g0/train", Points = [0, 1, 1, double.NaN, 2, double.NegativeInfinity, double.NaN, 3] });

        var series = Assert.Single(Assert.Single(feedback.Graphs).Series());
        Assert.Equal([new ChartPoint(0, 1), new ChartPoint(1, null, "NaN"), new ChartPoint(2, null, "-Infinity")], series.Points);
    }

    [Fact]
    public void Points_of_a_line_never_announced_still_show_on_the_graph_its_id_names()
    {
        var feedback = Fold(
            new FeedbackEvent { Kind = "graph", Id = "g0", Text = "Loss" },
            new FeedbackEvent { Kind = "points", Id = "g0/test", Points = [0, 2] });

        var series = Assert.Single(Assert.Single(feedback.Graphs).Series());
        Assert.Equal(("test", 1), (series.Name, series.Points.Count));
    }

    private static NodeFeedback Fold(params FeedbackEvent[] events)
    {
        var feedback = new NodeFeedback();
        foreach (var e in events) feedback.Apply(e);
        return feedback;
    }
}
