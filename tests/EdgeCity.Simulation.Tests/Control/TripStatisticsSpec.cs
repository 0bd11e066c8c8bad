using EdgeCity.Simulation.Control;

namespace EdgeCity.Simulation.Tests.Control;

public sealed class TripStatisticsSpec
{
    [Fact]
    public void Delay_is_time_loss_plus_depart_delay_counting_unfinished_and_undeparted_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tripinfo-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, """
            <tripinfos>
                <tripinfo id="a" depart="10.00" departDelay="2.00" arrival="60.00" duration="50.00" waitingTime="5.00" timeLoss="8.00" vaporized=""/>
                <tripinfo id="b" depart="20.00" departDelay="0.00" arrival="-1.00" duration="80.00" waitingTime="40.00" timeLoss="30.00" vaporized="end"/>
                <tripinfo id="c" depart="-1.00" departDelay="100.00" arrival="-1.00" duration="-1.00" waitingTime="0.00" timeLoss="-1.00" vaporized="end"/>
            </tripinfos>
            """);
        try
        {
            var stats = TripStatistics.Read(path);

            Assert.Equal(3, stats.Trips);
            Assert.Equal(1, stats.TripsCompleted);
            Assert.Equal((10 + 30 + 100) / 3.0, stats.MeanDelaySeconds, 9);
            Assert.Equal(45 / 3.0, stats.MeanWaitingSeconds, 9);
            Assert.Equal(100, stats.P95DelaySeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
