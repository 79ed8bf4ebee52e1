namespace Portal.Tests.Client;

/// <summary>
/// A file the generated client uploads as a multipart field (the imports). NSwag's generator names this type for a binary
/// form field whose schema is a reference (IFormFile) but does not emit it, so it is written here, as NSwag shapes it.
/// </summary>
public sealed class FileParameter(Stream data, string? fileName = null, string? contentType = null)
{
    public Stream Data { get; } = data;

    public string? FileName { get; } = fileName;

    public string? ContentType { get; } = contentType;
}
