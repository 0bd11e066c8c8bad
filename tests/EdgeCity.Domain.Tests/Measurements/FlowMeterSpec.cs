using EdgeCity.Domain.Measurements;

namespace EdgeCity.Domain.Tests.Measurements;

public sealed class FlowMeterSpec
{
    [Fact]
    public void Ten_vehicles_a_minute_is_600_vehicles_per_hour()
    {
        var meter = new FlowMeter(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300));
        for (var s = 0; s < 600; s++)
        {
            meter.Add(TimeSpan.FromSeconds(1), s % 6 == 0 ? 1 : 0);
        }

        Assert.Equal(600, meter.RawVehiclesPerHour, 6);
        Assert.InRange(meter.SmoothedVehiclesPerHour, 570, 630);
    }

    [Fact]
    public void Raw_flow_follows_a_change_within_its_window_while_smoothed_flow_lags()
    {
        var meter = new FlowMeter(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300));
        for (var s = 0; s < 300; s++)
        {
            meter.Add(TimeSpan.FromSeconds(1), s % 6 == 0 ? 1 : 0);
        }

        for (var s = 0; s < 60; s++)
        {
            meter.Add(TimeSpan.FromSeconds(1), s % 3 == 0 ? 1 : 0);
        }

        Assert.Equal(1200, meter.RawVehiclesPerHour, 6);
        Assert.InRange(meter.SmoothedVehiclesPerHour, 650, 900);
    }

    [Fact]
    public void Before_a_full_window_the_rate_is_over_the_time_seen_so_far()
    {
        var meter = new FlowMeter(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300));

        meter.Add(TimeSpan.FromSeconds(6), 1);
        meter.Add(TimeSpan.FromSeconds(6), 1);

        Assert.Equal(600, meter.RawVehiclesPerHour, 6);
        Assert.Equal(600, meter.SmoothedVehiclesPerHour, 6);
    }
}
