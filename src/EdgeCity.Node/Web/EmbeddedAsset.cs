namespace EdgeCity.Node.Web;

/// <summary>The node's pages are embedded in its assembly (nothing is fetched from the internet): one reads them here.</summary>
internal static class EmbeddedAsset
{
    /// <summary>The text of the resource embedded as <paramref name="logicalName"/> (e.g. <c>EdgeCity.Dashboard.app.js</c>).</summary>
    public static string Read(string logicalName)
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Web asset {logicalName} is not embedded in the node assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
