namespace Portal.Features.Rules;

/// <summary>A point of the diagram, in SVG user units.</summary>
public readonly record struct DiagramPoint(double X, double Y);

/// <summary>A rectangle of the diagram: its top-left corner and size.</summary>
public readonly record struct DiagramBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + Width / 2;

    public bool Overlaps(DiagramBox other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}

/// <summary>A state drawn as a box with its (localized) name.</summary>
public sealed record DiagramNode(string State, string Text, DiagramBox Box, int Layer, bool IsInitial, bool IsFinal);

/// <summary>
/// One arrow: every transition from one state to another, its actions stacked in one label. <see cref="Points"/>
/// run from the source to the target; consecutive points are joined by curves leaving and arriving vertically.
/// A back edge climbs against the layering (a state returning to an earlier one).
/// </summary>
public sealed record DiagramEdge(
    string From,
    string To,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Labels,
    DiagramBox LabelBox,
    IReadOnlyList<DiagramPoint> Points,
    bool IsBack);

/// <summary>A laid-out state machine: the size of its drawing, its states and its arrows.</summary>
public sealed record DiagramLayout(double Width, double Height, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges)
{
    public DiagramNode Node(string state) => Nodes.Single(n => n.State == state);
}

/// <summary>
/// Lays out a state machine top to bottom in layers (Sugiyama's method): states are layered by the longest path from
/// the initial state once the edges that return to earlier states are turned round; every edge gets its label as a
/// box in the layer between its ends and a chain of waypoints through the layers it crosses, so labels and long edges
/// take part in the ordering like states do and nothing overlaps; barycenter sweeps order each layer to reduce
/// crossings; positions are then pulled toward their neighbours under minimum spacing. Text widths are estimated
/// (Chinese characters as one em, Latin letters narrower), so the same input always gives the same drawing.
/// </summary>
public static class StateDiagramLayout
{
    public const double StateFontSize = 13;
    public const double LabelFontSize = 12;
    public const double LabelLineHeight = 15;
    public const double Margin = 12;

    /// <summary>Room above the first layer for the initial state's start mark.</summary>
    public const double StartMarkHeight = 26;

    private const double StateHeight = 34;
    private const double StatePaddingX = 14;
    private const double StateMinWidth = 72;
    private const double LabelPaddingX = 5;
    private const double LoopWidth = 26;
    private const double LabelPaddingY = 3;
    private const double LayerGap = 14;
    private const double ItemGap = 22;
    private const double WaypointGap = 10;
    private const int OrderingSweeps = 12;
    private const int TransposeRounds = 4;
    private const int PositioningSweeps = 24;

    public static DiagramLayout Compute(StateGraph graph, Func<string, string> stateText, Func<string, string> actionText)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stateText);
        ArgumentNullException.ThrowIfNull(actionText);

        var states = StatesOf(graph);
        var edges = EdgesOf(graph);
        var back = BackEdges(graph.Initial, states, edges);
        var rank = LongestPathLayers(states, edges, back);

        var labels = edges.Select(e => e.Actions.Select(actionText).Distinct().ToList()).ToList();
        var labelSizes = labels.Select(l => (Width: l.Max(t => TextWidth(t, LabelFontSize)) + 2 * LabelPaddingX, Height: l.Count * LabelLineHeight + 2 * LabelPaddingY)).ToList();
        var stateWidths = states.ToDictionary(s => s, s => Math.Max(StateMinWidth, TextWidth(stateText(s), StateFontSize) + 2 * StatePaddingX));
        var builder = new Builder();
        foreach (var state in states)
        {
            // A transition back into the same state is a loop on the box's right, its label beside it: the state
            // takes that room in its layer.
            var loop = edges.FindIndex(e => e.From == state && e.To == state);
            var (roomWidth, roomHeight) = loop < 0
                ? (stateWidths[state], StateHeight)
                : (stateWidths[state] + LoopWidth + labelSizes[loop].Width, Math.Max(StateHeight, labelSizes[loop].Height));
            builder.Add(ItemKind.State, 2 * rank[state], roomWidth, roomHeight, state);
        }

        var chains = new List<List<int>>();
        foreach (var (edge, index) in edges.Select((e, i) => (e, i)))
        {
            var (upper, lower) = back.Contains(index) ? (edge.To, edge.From) : (edge.From, edge.To);
            var chain = new List<int> { builder.StateItem(upper) };
            if (upper == lower)
            {
                chains.Add(chain);
                continue;
            }

            chain.Add(builder.Add(ItemKind.Label, 2 * rank[upper] + 1, labelSizes[index].Width, labelSizes[index].Height, null));
            for (var layer = 2 * rank[upper] + 2; layer < 2 * rank[lower]; layer++)
            {
                chain.Add(builder.Add(ItemKind.Waypoint, layer, 0, 0, null));
            }

            chain.Add(builder.StateItem(lower));
            chains.Add(chain);
        }

        var items = builder.Items;
        var upperNeighbours = items.Select(_ => new List<int>()).ToList();
        var lowerNeighbours = items.Select(_ => new List<int>()).ToList();
        foreach (var chain in chains)
        {
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                lowerNeighbours[chain[i]].Add(chain[i + 1]);
                upperNeighbours[chain[i + 1]].Add(chain[i]);
            }
        }

        var layers = Order(items, upperNeighbours, lowerNeighbours);
        var x = Position(items, layers, upperNeighbours, lowerNeighbours);
        var y = LayerTops(items, layers);

        var boxes = items.Select((item, i) => new DiagramBox(
            x[i] - item.Width / 2,
            y[item.Layer] + (LayerHeight(items, layers[item.Layer]) - item.Height) / 2,
            item.Width,
            item.Height)).ToList();
        var stateBoxes = states.ToDictionary(s => s, s =>
        {
            var room = boxes[builder.StateItem(s)];
            return new DiagramBox(room.X, room.Y + (room.Height - StateHeight) / 2, stateWidths[s], StateHeight);
        });
        foreach (var state in states)
        {
            boxes[builder.StateItem(state)] = stateBoxes[state];
        }

        var nodes = states.Select(state =>
        {
            var item = builder.StateItem(state);
            return new DiagramNode(state, stateText(state), boxes[item], rank[state], state == graph.Initial, !edges.Any(e => e.From == state && e.To != state));
        }).ToList();

        var ports = Ports(chains, boxes);
        var drawn = edges.Select((edge, index) =>
        {
            var chain = chains[index];
            if (chain.Count == 1)
            {
                var box = stateBoxes[edge.From];
                var label = new DiagramBox(box.Right + LoopWidth, box.Y + (box.Height - labelSizes[index].Height) / 2, labelSizes[index].Width, labelSizes[index].Height);
                return new DiagramEdge(edge.From, edge.To, edge.Actions, labels[index], label, [new DiagramPoint(box.Right, box.Y + box.Height * 0.3), new DiagramPoint(box.Right, box.Y + box.Height * 0.7)], false);
            }

            var points = new List<DiagramPoint> { ports[(index, 0)] };
            foreach (var item in chain.Skip(1).SkipLast(1))
            {
                var box = boxes[item];
                points.Add(new DiagramPoint(box.CenterX, box.Y));
                if (box.Height > 0)
                {
                    points.Add(new DiagramPoint(box.CenterX, box.Bottom));
                }
            }

            points.Add(ports[(index, chain.Count - 1)]);
            var isBack = back.Contains(index);
            if (isBack)
            {
                points.Reverse();
            }

            return new DiagramEdge(edge.From, edge.To, edge.Actions, labels[index], boxes[chain[1]], points, isBack);
        }).ToList();

        var width = boxes.Concat(drawn.Select(e => e.LabelBox)).Max(b => b.Right) + Margin;
        var height = boxes.Concat(drawn.Select(e => e.LabelBox)).Max(b => b.Bottom) + Margin;
        return new DiagramLayout(width, height, nodes, drawn);
    }

    /// <summary>
    /// An estimate of the width of <paramref name="text"/>, generous enough for the portal's fonts: CJK characters
    /// take a full em, Latin capitals about two thirds, other characters a little over half.
    /// </summary>
    public static double TextWidth(string text, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Sum(c => c switch
        {
            >= '\u2e80' => 1.0,
            ' ' => 0.3,
            >= 'A' and <= 'Z' => 0.68,
            'i' or 'l' or 'j' or 't' or 'f' or 'r' or '.' or ',' or '(' or ')' or '\'' => 0.36,
            'm' or 'w' => 0.86,
            _ => 0.56,
        }) * fontSize;
    }

    private sealed record Edge(string From, string To, IReadOnlyList<string> Actions);

    private enum ItemKind
    {
        State,
        Label,
        Waypoint,
    }

    private sealed record Item(ItemKind Kind, int Layer, double Width, double Height);

    private sealed class Builder
    {
        private readonly Dictionary<string, int> _states = [];

        public List<Item> Items { get; } = [];

        public int Add(ItemKind kind, int layer, double width, double height, string? state)
        {
            Items.Add(new Item(kind, layer, width, height));
            if (state is not null)
            {
                _states[state] = Items.Count - 1;
            }

            return Items.Count - 1;
        }

        public int StateItem(string state) => _states[state];
    }

    /// <summary>The states in a stable order: the initial one, then as the transitions first name them.</summary>
    private static List<string> StatesOf(StateGraph graph) =>
        new[] { graph.Initial }.Where(s => s.Length > 0)
            .Concat(graph.Transitions.SelectMany(t => new[] { t.From, t.To }))
            .Distinct()
            .ToList();

    /// <summary>Transitions between the same two states, in the same direction, are one edge with several actions.</summary>
    private static List<Edge> EdgesOf(StateGraph graph) =>
        graph.Transitions
            .GroupBy(t => (t.From, t.To))
            .Select(g => new Edge(g.Key.From, g.Key.To, g.Select(t => t.Action).Distinct().ToList()))
            .ToList();

    /// <summary>The edges a depth-first walk from the initial state finds leading back to a state on its path.</summary>
    private static HashSet<int> BackEdges(string initial, List<string> states, List<Edge> edges)
    {
        var back = new HashSet<int>();
        var visited = new HashSet<string>();
        var onPath = new HashSet<string>();

        void Visit(string state)
        {
            visited.Add(state);
            onPath.Add(state);
            foreach (var (edge, index) in edges.Select((e, i) => (e, i)).Where(p => p.e.From == state && p.e.To != state))
            {
                if (onPath.Contains(edge.To))
                {
                    back.Add(index);
                }
                else if (!visited.Contains(edge.To))
                {
                    Visit(edge.To);
                }
            }

            onPath.Remove(state);
        }

        foreach (var state in states.Where(s => !visited.Contains(s)))
        {
            Visit(state);
        }

        return back;
    }

    /// <summary>Each state's layer: the length of the longest path reaching it, with back edges turned round.</summary>
    private static Dictionary<string, int> LongestPathLayers(List<string> states, List<Edge> edges, HashSet<int> back)
    {
        var forward = edges.Select((e, i) => back.Contains(i) ? (From: e.To, To: e.From) : (e.From, e.To)).Where(e => e.From != e.To).ToList();
        var rank = states.ToDictionary(s => s, _ => 0);
        var incoming = states.ToDictionary(s => s, s => forward.Count(e => e.To == s));
        var ready = new Queue<string>(states.Where(s => incoming[s] == 0));
        while (ready.Count > 0)
        {
            var state = ready.Dequeue();
            foreach (var (_, to) in forward.Where(e => e.From == state))
            {
                rank[to] = Math.Max(rank[to], rank[state] + 1);
                if (--incoming[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        return rank;
    }

    /// <summary>
    /// Orders each layer: first as the items were created, then by barycenter sweeps alternately down (by the upper
    /// neighbours) and up (by the lower ones), keeping the ordering with the fewest crossings.
    /// </summary>
    private static List<List<int>> Order(List<Item> items, List<List<int>> upper, List<List<int>> lower)
    {
        var count = items.Max(i => i.Layer) + 1;
        var layers = Enumerable.Range(0, count).Select(l => items.Select((item, i) => (item, i)).Where(p => p.item.Layer == l).Select(p => p.i).ToList()).ToList();
        var best = layers.Select(l => l.ToList()).ToList();
        var fewest = Crossings(layers, lower);

        for (var sweep = 0; sweep < OrderingSweeps && fewest > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            var sequence = down ? Enumerable.Range(1, count - 1) : Enumerable.Range(0, count - 1).Reverse();
            foreach (var l in sequence)
            {
                var neighbours = down ? upper : lower;
                var fixedLayer = layers[down ? l - 1 : l + 1];
                var position = fixedLayer.Select((item, p) => (item, p)).ToDictionary(q => q.item, q => (double)q.p);
                var current = layers[l];
                layers[l] = current
                    .Select((item, p) => (item, key: neighbours[item].Count == 0 ? p : neighbours[item].Average(n => position[n])))
                    .OrderBy(q => q.key)
                    .Select(q => q.item)
                    .ToList();
            }

            var crossings = Transpose(layers, lower, acceptTies: !down);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = layers.Select(l => l.ToList()).ToList();
            }
        }

        return best;
    }

    /// <summary>
    /// Swaps neighbours within layers while that removes crossings; where <paramref name="acceptTies"/>, also when it
    /// changes nothing, which lets a later swap undo a crossing that ties in the barycenters could not. Returns the
    /// crossings left.
    /// </summary>
    private static int Transpose(List<List<int>> layers, List<List<int>> lower, bool acceptTies)
    {
        var crossings = Crossings(layers, lower);
        for (var round = 0; round < TransposeRounds; round++)
        {
            var before = crossings;
            foreach (var layer in layers)
            {
                for (var p = 0; p + 1 < layer.Count; p++)
                {
                    (layer[p], layer[p + 1]) = (layer[p + 1], layer[p]);
                    var swapped = Crossings(layers, lower);
                    if (swapped < crossings || (acceptTies && round == 0 && swapped == crossings))
                    {
                        crossings = swapped;
                    }
                    else
                    {
                        (layer[p], layer[p + 1]) = (layer[p + 1], layer[p]);
                    }
                }
            }

            if (crossings == before && round > 0)
            {
                break;
            }
        }

        return crossings;
    }

    private static int Crossings(List<List<int>> layers, List<List<int>> lower)
    {
        var crossings = 0;
        for (var l = 0; l + 1 < layers.Count; l++)
        {
            var below = layers[l + 1].Select((item, p) => (item, p)).ToDictionary(q => q.item, q => q.p);
            var segments = layers[l].SelectMany((item, p) => lower[item].Select(n => (Top: p, Bottom: below[n]))).ToList();
            for (var a = 0; a < segments.Count; a++)
            {
                for (var b = a + 1; b < segments.Count; b++)
                {
                    if ((segments[a].Top - segments[b].Top) * (segments[a].Bottom - segments[b].Bottom) < 0)
                    {
                        crossings++;
                    }
                }
            }
        }

        return crossings;
    }

    /// <summary>
    /// The horizontal centre of every item: packed left to right, then repeatedly pulled toward the mean of its
    /// neighbours' centres while keeping its layer's order and spacing (the closest such placement, found by pooling
    /// adjacent violators).
    /// </summary>
    private static double[] Position(List<Item> items, List<List<int>> layers, List<List<int>> upper, List<List<int>> lower)
    {
        var x = new double[items.Count];
        foreach (var layer in layers)
        {
            var cursor = 0.0;
            for (var p = 0; p < layer.Count; p++)
            {
                cursor += p == 0 ? items[layer[p]].Width / 2 : Gap(items[layer[p - 1]], items[layer[p]]);
                x[layer[p]] = cursor;
            }
        }

        for (var sweep = 0; sweep < PositioningSweeps; sweep++)
        {
            var sequence = sweep % 2 == 0 ? layers : Enumerable.Reverse(layers);
            foreach (var layer in sequence)
            {
                var desired = layer.Select(i =>
                {
                    var neighbours = upper[i].Concat(lower[i]).ToList();
                    return neighbours.Count == 0 ? x[i] : neighbours.Average(n => x[n]);
                }).ToList();
                var placed = Closest(desired, layer.Select((item, p) => p == 0 ? 0 : Gap(items[layer[p - 1]], items[item])).ToList());
                for (var p = 0; p < layer.Count; p++)
                {
                    x[layer[p]] = placed[p];
                }
            }
        }

        var left = items.Select((item, i) => x[i] - item.Width / 2).Min();
        return x.Select(v => v - left + Margin).ToArray();
    }

    private static double Gap(Item left, Item right)
    {
        var gap = left.Kind == ItemKind.Waypoint || right.Kind == ItemKind.Waypoint ? WaypointGap : ItemGap;
        return (left.Width + right.Width) / 2 + gap;
    }

    /// <summary>
    /// The positions closest to <paramref name="desired"/> (least squares) with position[p] ≥ position[p-1] + gap[p]:
    /// shifted by the running sum of gaps this is an isotonic regression, solved by pooling adjacent violators.
    /// </summary>
    private static List<double> Closest(List<double> desired, List<double> gaps)
    {
        var offsets = new double[desired.Count];
        for (var p = 1; p < desired.Count; p++)
        {
            offsets[p] = offsets[p - 1] + gaps[p];
        }

        var blocks = new List<(double Mean, int Count)>();
        for (var p = 0; p < desired.Count; p++)
        {
            var block = (Mean: desired[p] - offsets[p], Count: 1);
            while (blocks.Count > 0 && blocks[^1].Mean > block.Mean)
            {
                var last = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                block = ((last.Mean * last.Count + block.Mean * block.Count) / (last.Count + block.Count), last.Count + block.Count);
            }

            blocks.Add(block);
        }

        return blocks.SelectMany(b => Enumerable.Repeat(b.Mean, b.Count)).Select((v, p) => v + offsets[p]).ToList();
    }

    private static double LayerHeight(List<Item> items, List<int> layer) => layer.Count == 0 ? 0 : layer.Max(i => items[i].Height);

    private static double[] LayerTops(List<Item> items, List<List<int>> layers)
    {
        var tops = new double[layers.Count];
        var cursor = Margin + StartMarkHeight;
        for (var l = 0; l < layers.Count; l++)
        {
            tops[l] = cursor;
            cursor += LayerHeight(items, layers[l]) + LayerGap;
        }

        return tops;
    }

    /// <summary>
    /// Where each edge leaves and enters a state: the ends on one side of a box are spread along it in the order of
    /// the items they lead to, so arrows neither share an end nor cross at the box.
    /// </summary>
    private static Dictionary<(int Edge, int End), DiagramPoint> Ports(List<List<int>> chains, List<DiagramBox> boxes)
    {
        var ends = chains.Select((chain, e) => (Chain: chain, Edge: e)).Where(c => c.Chain.Count > 1).SelectMany(c => new[]
        {
            (c.Edge, End: 0, State: c.Chain[0], Toward: c.Chain[1], Bottom: true),
            (c.Edge, End: c.Chain.Count - 1, State: c.Chain[^1], Toward: c.Chain[^2], Bottom: false),
        });

        var ports = new Dictionary<(int, int), DiagramPoint>();
        foreach (var side in ends.GroupBy(end => (end.State, end.Bottom)))
        {
            var box = boxes[side.Key.State];
            var sorted = side.OrderBy(end => boxes[end.Toward].CenterX).ThenBy(end => end.Edge).ToList();
            var spacing = Math.Min(14, (box.Width - 16) / Math.Max(1, sorted.Count - 1));
            var first = box.CenterX - spacing * (sorted.Count - 1) / 2;
            for (var i = 0; i < sorted.Count; i++)
            {
                ports[(sorted[i].Edge, sorted[i].End)] = new DiagramPoint(first + i * spacing, side.Key.Bottom ? box.Bottom : box.Y);
            }
        }

        return ports;
    }
}
