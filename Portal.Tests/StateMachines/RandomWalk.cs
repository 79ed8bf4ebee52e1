using Portal.Domain.Common;
using Portal.Tests.Builders;

namespace Portal.Tests.StateMachines;

/// <summary>
/// Fires random actions, with random arguments (sometimes deliberately invalid) at random times, at many entities of
/// one kind, and checks every step against the design's transition table. The seed is fixed: a failure names the
/// entity and step, and replays identically.
/// </summary>
internal sealed class RandomWalk<TEntity, TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    public required IReadOnlyDictionary<(TState From, TAction Action), TState> Allowed { get; init; }

    public required Func<Random, TEntity> Create { get; init; }

    public required Func<TEntity, TState> State { get; init; }

    public required Func<TEntity, int> Version { get; init; }

    public required Func<TEntity, TAction, DateTime, ActionAvailability<TAction>> Availability { get; init; }

    /// <summary>Takes the action at the given time; asked for invalid arguments, returns whether the ones it used were valid.</summary>
    public required Func<TEntity, TAction, DateTime, bool, Random, bool> Act { get; init; }

    /// <summary>An optional step that is not a transition (e.g. naming a case's subject), taken now and then.</summary>
    public Action<TEntity, Random>? SideStep { get; init; }

    public HashSet<(TState From, TAction Action, TState To)> Observed { get; } = [];

    public int Refusals { get; private set; }

    public int Transitions { get; private set; }

    public void Run(int seed, int entities, int stepsPerEntity)
    {
        var random = new Random(seed);
        var actions = Enum.GetValues<TAction>();
        for (var e = 0; e < entities; e++)
        {
            var entity = Create(random);
            var now = TestTime.Now;
            for (var step = 0; step < stepsPerEntity; step++)
            {
                now = Advance(now, random);
                if (SideStep is not null && random.Next(10) == 0)
                {
                    SideStep(entity, random);
                }

                Step(entity, actions[random.Next(actions.Length)], now, random.Next(4) == 0, random, $"entity {e}, step {step}");
            }
        }
    }

    // Mostly small steps, sometimes weeks, now and then months: enough for windows to open and close.
    private static DateTime Advance(DateTime now, Random random) => random.Next(20) switch
    {
        < 14 => now.AddHours(random.Next(0, 72)),
        < 19 => now.AddDays(random.Next(3, 30)),
        _ => now.AddDays(random.Next(30, 200)),
    };

    private void Step(TEntity entity, TAction action, DateTime now, bool wantInvalid, Random random, string where)
    {
        var from = State(entity);
        var version = Version(entity);
        var availability = Availability(entity, action, now);
        var designed = Allowed.TryGetValue((from, action), out var designedTarget);
        Assert.True(designed == availability.AppliesInState, $"{where}: {action} from {from} applies={availability.AppliesInState}, design says {designed}.");

        bool valid;
        try
        {
            valid = Act(entity, action, now, wantInvalid, random);
        }
        catch (DomainException error)
        {
            Refusals++;
            Assert.False(availability.IsAllowed, $"{where}: {action} from {from} was announced as allowed but refused: {error.Message}");
            Assert.Equal(availability.AppliesInState ? TransitionCode.GuardNotMet : TransitionCode.NotAllowedInState, error.Code);
            Assert.All(availability.UnmetGuards, key => Assert.Contains(key, error.Message, StringComparison.Ordinal));
            Unchanged(entity, from, version, where);
            return;
        }
        catch (ArgumentException)
        {
            Refusals++;
            Assert.True(wantInvalid, $"{where}: {action} from {from} refused valid arguments.");
            Unchanged(entity, from, version, where);
            return;
        }

        var to = State(entity);
        Assert.True(valid, $"{where}: {action} from {from} accepted invalid arguments.");
        Assert.True(availability.IsAllowed, $"{where}: {action} from {from} went through although announced as not allowed.");
        Assert.True(designed, $"{where}: {from} → {to} by {action} is not in the design.");
        Assert.Equal(designedTarget, to);
        Assert.True(Version(entity) > version, $"{where}: {action} changed the state without bumping the version.");
        Observed.Add((from, action, to));
        Transitions++;
    }

    private void Unchanged(TEntity entity, TState from, int version, string where)
    {
        Assert.Equal(from, State(entity));
        Assert.True(version == Version(entity), $"{where}: a refused action changed the entity.");
    }
}
