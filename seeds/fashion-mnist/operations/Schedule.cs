/// <summary>How Train moves the learning rate, stepped after every batch.</summary>
public enum Schedule
{
    /// <summary>The learning rate stays as given.</summary>
    None,

    /// <summary>Warms up to the learning rate over the first 30 % of the batches, then anneals to almost zero (Smith's 1cycle).</summary>
    OneCycle,

    /// <summary>Starts at the learning rate and follows half a cosine down to zero.</summary>
    Cosine,
}
