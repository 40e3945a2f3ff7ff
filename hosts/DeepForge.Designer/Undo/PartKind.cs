namespace DeepForge.Designer.Undo;

/// <summary>What a part of a document is; see <see cref="DocumentParts"/>.</summary>
internal enum PartKind
{
    /// <summary>A property of the document itself (an architecture's input shape, a pipeline's description).</summary>
    Property,

    /// <summary>An element of the document's keyed collection (a node, a layer), without its entries and own parts.</summary>
    Element,

    /// <summary>A part of an element held on its own, so that two people can change it and the rest apart (its position).</summary>
    Own,

    /// <summary>One entry of an element's map (an attribute, a reference).</summary>
    Entry,

    /// <summary>One member of the document's set (a connection).</summary>
    Member,
}
