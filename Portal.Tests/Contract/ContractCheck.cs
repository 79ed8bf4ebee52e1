namespace Portal.Tests.Contract;

/// <summary>
/// Holds every API response of every test to the contract: outermost in the test portal's pipeline, it reads each
/// answer to a request the document describes and fails the request — so the test that sent it — when the document
/// does not describe the answer (<see cref="ContractDocument.Check"/>). An endpoint added later is held by every test
/// that calls it, without anyone writing a line for it.
/// </summary>
public sealed class ContractCheck(ContractDocument contract) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            // The API and the health check (pages, their circuits and assets are not the document's, and stream).
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await inner(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await inner(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var violations = contract.Check(context.Request.Method, context.Request.Path, context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
            if (violations.Count > 0)
            {
                throw new ContractViolationException(string.Join(Environment.NewLine, violations));
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
        next(app);
    };
}

/// <summary>A response the API's contract does not describe.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
