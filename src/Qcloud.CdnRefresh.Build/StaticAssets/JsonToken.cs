namespace Qcloud.CdnRefresh.Build.StaticAssets;

/// <summary>The value token <see cref="JsonTokenizer"/> read last.</summary>
internal enum JsonToken
{
    /// <summary>Nothing read yet.</summary>
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    String,
    Number,
    True,
    False,
    Null,

    /// <summary>The document has ended.</summary>
    End,
}
