using Microsoft.Extensions.Localization;
using Portal.Features.Deals;
using Portal.Localization;

namespace Portal.Api;

/// <summary>How an action on a deal answers over HTTP.</summary>
public static class DealActions
{
    public static IResult ToHttp(DealActionResult result, IStringLocalizer<SharedResource> localizer, Func<IResult> done)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(done);
        return result.Outcome switch
        {
            DealActionOutcome.Done => done(),
            DealActionOutcome.Invalid => ReasonMessages.InvalidInput(result.Errors, localizer),
            DealActionOutcome.NotFound => ApiProblems.Problem(localizer, StatusCodes.Status404NotFound, "NOT_FOUND", "NotFound_Text"),
            DealActionOutcome.NotAllowedNow => TypedResults.Problem(
                title: localizer["Problem_409"],
                detail: string.Join(" ", result.UnmetGuards.Select(g => localizer[$"Guard_{g}"].Value)),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["code"] = "ACTION_NOT_ALLOWED_NOW", ["guards"] = result.UnmetGuards }),
            _ => TypedResults.Problem(
                title: localizer["Problem_409"],
                detail: string.Join(" ", result.Reasons.Select(r => ReasonMessages.Sentence(r.Code, localizer))),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["code"] = "REFUSED", ["reasons"] = result.Reasons.Select(r => ReasonMessages.From(r, localizer)).ToList() }),
        };
    }
}
