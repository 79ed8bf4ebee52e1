namespace Portal.Features.Catalog;

/// <summary>
/// Tells the open page's banner that the reader's agent acknowledged a price list version (one per circuit), so that
/// the banner goes away without a reload.
/// </summary>
public sealed class AcknowledgementSignal
{
    public event Action? Acknowledged;

    public void Raise() => Acknowledged?.Invoke();
}
