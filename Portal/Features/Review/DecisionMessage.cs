namespace Portal.Features.Review;

/// <summary>A decision's outcome as the review queue announces it: a sentence, and whether it is a refusal.</summary>
public sealed record DecisionMessage(string Text, bool IsError);
