using Prometheus;

namespace EdgeCity.Node.Hosting;

/// <summary>Prometheus series of the demo's simulation loop.</summary>
public static class SimulationMetrics
{
    public static readonly Gauge Time = Metrics.CreateGauge("edgecity_sim_time_seconds", "Simulation time of the SUMO twin.");

    public static readonly Gauge Running = Metrics.CreateGauge("edgecity_sim_running", "1 while the SUMO twin answers, 0 while it is down (the demo restarts it; coordinators run on the wall clock meanwhile).");

    public static readonly Counter Restarts = Metrics.CreateCounter("edgecity_sim_restarts_total", "Times the demo restarted a SUMO twin that had stopped.");

    public static readonly Gauge Vehicles = Metrics.CreateGauge("edgecity_sim_vehicles", "Vehicles in the simulated network.");

    public static readonly Counter Arrived = Metrics.CreateCounter("edgecity_sim_trips_arrived_total", "Simulated trips that reached their destination.");

    public static readonly Gauge MeanTimeLoss = Metrics.CreateGauge("edgecity_sim_time_loss_mean_seconds", "Mean time lost so far by the vehicles in the network (delay).");

    public static readonly Gauge Queue = Metrics.CreateGauge("edgecity_intersection_queue_vehicles", "Vehicles halting on an intersection's approaches.", "intersection");

    public static readonly Counter Counted = Metrics.CreateCounter("edgecity_intersection_vehicles_total", "Vehicles that left an intersection's approach lanes.", "intersection");
}
