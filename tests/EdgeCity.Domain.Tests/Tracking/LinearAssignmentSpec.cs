using EdgeCity.Domain.Tracking;

namespace EdgeCity.Domain.Tests.Tracking;

public sealed class LinearAssignmentSpec
{
    [Fact]
    public void Finds_the_optimal_assignment_where_greedy_matching_fails()
    {
        // Greedy would take (0,0)=1 and then be forced into (1,1)=10; the optimum is (0,1)+(1,0) = 2 + 2.
        var cost = new double[,] { { 1, 2 }, { 2, 10 } };

        var pairs = LinearAssignment.Solve(cost, 100);

        Assert.Equal([(0, 1), (1, 0)], pairs.OrderBy(p => p.Row));
    }

    [Fact]
    public void Matches_a_rectangular_matrix_and_leaves_the_extra_rows_unmatched()
    {
        var cost = new double[,] { { 0.9, 0.1, 0.5 }, { 0.2, 0.8, 0.7 }, { 0.3, 0.4, 0.05 }, { 0.6, 0.6, 0.6 } };

        var pairs = LinearAssignment.Solve(cost, 1);

        Assert.Equal([(0, 1), (1, 0), (2, 2)], pairs.OrderBy(p => p.Row));
    }

    [Fact]
    public void Never_makes_a_pair_above_the_cost_limit()
    {
        var cost = new double[,] { { 0.9, 0.85 }, { 0.3, 0.95 } };

        var pairs = LinearAssignment.Solve(cost, 0.8);

        Assert.Equal([(1, 0)], pairs);
    }

    [Fact]
    public void Matches_the_brute_force_optimum_on_random_matrices()
    {
        var rng = new Random(42);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = rng.Next(1, 6);
            var cost = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    cost[i, j] = rng.NextDouble();
                }
            }

            var pairs = LinearAssignment.Solve(cost, 10);

            Assert.Equal(n, pairs.Count);
            Assert.Equal(BruteForce(cost, n), pairs.Sum(p => cost[p.Row, p.Column]), 9);
        }
    }

    private static double BruteForce(double[,] cost, int n)
    {
        var best = double.MaxValue;
        foreach (var perm in Permutations(Enumerable.Range(0, n).ToArray(), 0))
        {
            best = Math.Min(best, perm.Select((c, r) => cost[r, c]).Sum());
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] a, int k)
    {
        if (k == a.Length)
        {
            yield return (int[])a.Clone();
            yield break;
        }

        for (var i = k; i < a.Length; i++)
        {
            (a[k], a[i]) = (a[i], a[k]);
            foreach (var p in Permutations(a, k + 1))
            {
                yield return p;
            }

            (a[k], a[i]) = (a[i], a[k]);
        }
    }
}
