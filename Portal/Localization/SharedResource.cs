namespace Portal.Localization;

/// <summary>Marker type for the portal's one string table (Localization/SharedResource*.resx).</summary>
#pragma warning disable CA1052 // The type is a resource key, never instantiated or used for members.
public sealed class SharedResource
#pragma warning restore CA1052
{
    private SharedResource()
    {
    }
}
