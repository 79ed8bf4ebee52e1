using Portal.Domain.Agents;
using Portal.Domain.Authorizations;
using Portal.Domain.Common;
using Portal.Domain.Compliance;
using Portal.Domain.Customers;
using Portal.Domain.Policy;
using Portal.Domain.Regions;

namespace Portal.Domain.Deals.Registration;

/// <summary>
/// Deal registration (报备, DESIGN.md §4): every channel rule applied to a well-formed registration at the instant of
/// submission. All checks run, so a refusal lists every reason that applies.
/// </summary>
public static class DealRegistrationRules
{
    /// <summary>Judges a submitted registration.</summary>
    /// <param name="request">The validated request (<see cref="DealRegistrationValidator"/>).</param>
    /// <param name="context">What the database says about the agent, the customer and the prices.</param>
    /// <param name="policy">The channel policy's settings.</param>
    /// <param name="at">The instant of submission (UTC): the price list and protections in force then apply.</param>
    public static RegistrationDecision Decide(RegistrationRequest request, RegistrationContext context, ChannelPolicy policy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        Guard.Utc(at, nameof(at));

        var refusals = new ReasonList();
        var notes = new ReasonList();
        var agent = context.Agent;
        var customer = request.Customer;

        // Contract (§5.1): only Active agents may register deals.
        refusals.AddIf(!agent.IsActive, ReasonCode.AgentNotActive);

        // Regional protection (§2.4): inside the territory, or covered by an Approved, unexpired authorization.
        refusals.AddIf(
            !RegionalProtection.Permits(agent, customer.Region, context.CustomerId, context.Authorizations, policy.Calendar.DateOf(at)),
            ReasonCode.OutOfTerritory,
            InputField.CustomerRegionCode);

        // Uniform national price (§2.3): each line at the uniform price in force at submission.
        var (lines, deviations) = PriceLines(request, context, at, refusals);
        var priceReasons = policy.PricePolicy.Mode == PriceMode.Enforce ? refusals : notes;
        foreach (var deviation in deviations)
        {
            priceReasons.Add(ReasonCode.PriceNotUniform, InputField.LineUnitPrice(deviation.LineIndex));
        }

        // Customer protection (§2.5): another agent's protection in force refuses; the holder may register again.
        // The reason never says which agent holds the customer.
        var inForce = ProtectionSnapshot.InForce(context.CustomerProtections, at);
        refusals.AddIf(inForce is not null && inForce.AgentId != agent.Id, ReasonCode.CustomerProtected, InputField.CustomerUscc);

        // Anti-hoarding: at most MaxActiveRegistrations open registrations per agent.
        refusals.AddIf(context.OpenRegistrationCount >= policy.Protection.MaxActiveRegistrations, ReasonCode.RegistrationCapReached);

        // Anti-hoarding: no re-registration within CooldownDays of letting this customer's registration lapse — unless
        // the agent holds the customer right now (its own protected customer may always be registered again).
        var holdsCustomer = inForce?.AgentId == agent.Id;
        refusals.AddIf(!holdsCustomer && InCooldown(context.PastRegistrations, policy.Protection, at), ReasonCode.CooldownActive, InputField.CustomerUscc);

        // Duplicate detection: another USCC under the same normalized name in the same city goes to manual review.
        notes.AddIf(IsPossibleDuplicate(customer, context.NameMatches), ReasonCode.PossibleDuplicate, InputField.CustomerName);

        var outcome = refusals.Count > 0 ? RegistrationOutcome.Rejected
            : notes.Has(ReasonCode.PossibleDuplicate) ? RegistrationOutcome.PendingReview
            : RegistrationOutcome.Approved;

        // PricePolicy:Monitor: an accepted quote below the uniform price opens one DiscountSelling case listing its lines.
        var below = deviations.Where(d => d.IsBelowUniformPrice).ToList();
        var discountCase = policy.PricePolicy.Mode == PriceMode.Monitor && outcome != RegistrationOutcome.Rejected && below.Count > 0
            ? new CaseToOpen(ViolationType.DiscountSelling, agent.Id, below)
            : null;

        return new RegistrationDecision(
            outcome,
            [.. refusals.Items, .. notes.Items],
            outcome == RegistrationOutcome.Approved ? ProtectionUntil(at, policy) : null,
            lines,
            deviations,
            discountCase);
    }

    /// <summary>
    /// A ChannelManager approves a registration that was PendingReview: the duplicate question is settled, but what
    /// can have changed since submission is judged again at <paramref name="at"/> — the agent's contract, its
    /// territory or authorization, and above all customer protection (another agent may have registered the customer
    /// meanwhile: the first one committed wins). Prices stay those of submission; the cap and cooldown were judged then.
    /// </summary>
    public static RegistrationDecision ApproveAfterReview(RegistrationCustomer customer, RegistrationContext context, ChannelPolicy policy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        Guard.Utc(at, nameof(at));

        var hold = MayHold(context.Agent, customer.Region, context.CustomerId, context.CustomerProtections, context.Authorizations, policy, at);
        return hold.IsRefused
            ? new RegistrationDecision(RegistrationOutcome.Rejected, hold.Reasons.ToList(), null, [], [], null)
            : new RegistrationDecision(RegistrationOutcome.Approved, [], ProtectionUntil(at, policy), [], [], null);
    }

    /// <summary>
    /// Whether <paramref name="agent"/> may be given the customer at <paramref name="at"/> — what an approval judges
    /// again, and what an import judges of a customer's holder: the agent Active, the customer's region inside its
    /// territory (or an approved authorization), and no other agent's protection in force.
    /// </summary>
    public static Decision MayHold(
        AgentSnapshot agent, RegionCode region, int? customerId, IEnumerable<ProtectionSnapshot> protections, IEnumerable<AuthorizationSnapshot> authorizations, ChannelPolicy policy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(policy);
        var refusals = new ReasonList();
        refusals.AddIf(!agent.IsActive, ReasonCode.AgentNotActive);
        refusals.AddIf(
            !RegionalProtection.Permits(agent, region, customerId, authorizations, policy.Calendar.DateOf(at)),
            ReasonCode.OutOfTerritory,
            InputField.CustomerRegionCode);
        var inForce = ProtectionSnapshot.InForce(protections, at);
        refusals.AddIf(inForce is not null && inForce.AgentId != agent.Id, ReasonCode.CustomerProtected, InputField.CustomerUscc);
        return refusals.ToDecision();
    }

    /// <summary>
    /// Customer protection: an approved registration protects from approval for RegistrationDays — to the end of that
    /// business day, so that "protected until D" means the whole of D in the channel's time zone.
    /// </summary>
    public static DateTime ProtectionUntil(DateTime approvedAt, ChannelPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var calendar = policy.Calendar;
        return calendar.EndOfDay(calendar.DateOf(approvedAt).AddDays(policy.Protection.RegistrationDays));
    }

    private static (List<PricedLine> Lines, List<PriceDeviation> Deviations) PriceLines(RegistrationRequest request, RegistrationContext context, DateTime at, ReasonList refusals)
    {
        var lines = new List<PricedLine>();
        var deviations = new List<PriceDeviation>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            var quote = context.Prices.QuoteAt(line.Sku, context.Agent.Tier, at);
            if (quote is null)
            {
                // Validation guarantees a price in force; this only happens if the price list changed in between.
                refusals.Add(ReasonCode.UnknownProduct, InputField.LineSku(i));
                lines.Add(new PricedLine(line.Sku, line.Quantity, line.UnitPrice, null, null, null));
                continue;
            }

            lines.Add(new PricedLine(quote.Sku, line.Quantity, line.UnitPrice, quote.UniformPrice, quote.DiscountRate, quote.PurchasePrice));
            if (line.UnitPrice != quote.UniformPrice)
            {
                deviations.Add(new PriceDeviation(i, quote.Sku, line.Quantity, line.UnitPrice, quote.UniformPrice));
            }
        }

        return (lines, deviations);
    }

    /// <summary>The cooldown runs from the lapse for CooldownDays; at exactly lapse + CooldownDays it is over.</summary>
    private static bool InCooldown(IEnumerable<PastRegistration> past, ProtectionOptions options, DateTime at) =>
        past.Select(p => p.LapsedAt(at))
            .Any(lapsed => lapsed is { } l && l <= at && at < l.AddDays(options.CooldownDays));

    private static bool IsPossibleDuplicate(RegistrationCustomer customer, IEnumerable<CustomerSnapshot> candidates) =>
        candidates.Any(c =>
            !string.Equals(c.Uscc, customer.Uscc.Value, StringComparison.OrdinalIgnoreCase)
            && string.Equals(c.NormalizedName, customer.NormalizedName, StringComparison.Ordinal)
            && c.Region.City is { } city && city == customer.City);
}
