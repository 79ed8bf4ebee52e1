namespace Portal.Features.Customers;

public static class CustomersServices
{
    /// <summary>Customers: the reseller's directory and the vendor-direct check.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<VendorDirectSales>();
        services.AddSingleton<CustomerProtectionQueries>();
        services.AddSingleton<ProtectionArbitration>();
        return services;
    }
}
