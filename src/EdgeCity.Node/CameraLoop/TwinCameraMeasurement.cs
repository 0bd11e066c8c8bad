using EdgeCity.Domain.Control;
using EdgeCity.Domain.Detection;
using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Measurements;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Control;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;
using EdgeCity.Simulation.Twin;
using EdgeCity.Vision.Inference;

namespace EdgeCity.Node.CameraLoop;

/// <summary>
/// <c>sim --cameras</c>: the closed loop measured through the camera path. Every step (the frame period) each twin
/// camera of a controlled junction is rendered from SUMO's vehicles, run through the real detector model, and fed to
/// the same <see cref="CameraTrafficAnalyzer"/> the node runs; every second its approach measurements become the
/// observations of that approach's movements, lane by lane (Domain's <see cref="Domain.Control.MovementObservations"/>). Frames are stamped with simulation
/// time, so speeds and ages are in simulated seconds however slowly inference runs.
/// </summary>
public sealed class TwinCameraMeasurement : IClosedLoopMeasurement, IDisposable
{
    private readonly SiteDefinition _site;
    private readonly SumoNetwork _network;
    private readonly Detector _detector;
    private readonly SimulationClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TwinCamera> _cameras = [];
    private readonly Dictionary<string, Dictionary<string, MovementObservation>> _latest = new(StringComparer.Ordinal);
    private readonly List<Detection> _found = [];
    private TraciConnection? _traci;
    private double _nextPublish;

    /// <param name="site">The site: its cameras (posed, with lines, zones and calibration) and intersections (SUMO traffic light ids).</param>
    /// <param name="network">The network SUMO runs.</param>
    /// <param name="model">The loaded detector model (shared across runs; this measurement only borrows it).</param>
    /// <param name="frameSeconds">Simulation seconds between frames of a camera: the run's step length.</param>
    public TwinCameraMeasurement(SiteDefinition site, SumoNetwork network, DetectionModel model, double frameSeconds)
    {
        _site = site;
        _network = network;
        _detector = new Detector(model);
        StepLengthSeconds = frameSeconds;
    }

    public double? StepLengthSeconds { get; }

    /// <summary>Cameras measuring, with the junction and approach of each (after <see cref="Start"/>).</summary>
    public IReadOnlyList<string> Cameras => _cameras.Select(c => $"{c.Setup.CameraId} ({c.TrafficLightId}/{c.Setup.Approach})").ToList();

    public long FramesInferred { get; private set; }

    public long Detections { get; private set; }

    public long VehiclesCounted { get; private set; }

    /// <summary>Movement observations from cameras handed to controllers (one per movement per second).</summary>
    public long ObservationsUsed { get; private set; }

    /// <summary>Wall seconds spent rendering, inferring and analysing.</summary>
    public double WallSeconds { get; private set; }

    public void Start(TraciConnection traci, IReadOnlyList<ControlledJunction> junctions)
    {
        _traci = traci;
        var laneApproaches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lane in _site.Intersections.SelectMany(i => i.Approaches).SelectMany(a => a.SumoLanes.Select(l => (Lane: l, a.Id))))
        {
            laneApproaches.TryAdd(lane.Lane, lane.Id);
        }

        foreach (var junction in junctions)
        {
            var intersection = _site.Intersections.FirstOrDefault(i => i.SumoTls == junction.TrafficLightId);
            if (intersection is null)
            {
                continue;
            }

            var approachOf = junction.Timings.Model.Movements.ToDictionary(m => m.Id, m => m.Approach, StringComparer.Ordinal);
            foreach (var camera in _site.Cameras.Where(c => c.Intersection == intersection.Id && c.Pose is not null))
            {
                var movements = junction.Lanes.Where(l => approachOf[l.MovementId] == camera.Approach).ToList();
                if (movements.Count == 0)
                {
                    throw new ArgumentException($"camera '{camera.Id}': approach '{camera.Approach}' is not an approach of traffic light '{junction.TrafficLightId}' (has: {string.Join(", ", junction.Timings.Model.Movements.Select(m => m.Approach).Distinct())})");
                }

                var setup = SiteCameraSetup.For(_site, camera.Id, CameraStopLines.For(_network, camera.Pose!));
                setup = _detector.Model.Manifest.ApplyTo(setup);
                var renderer = new CameraRenderer(camera.Id, camera.Pose!, _network, camera.CountLines, watchedLanes: camera.Zones.Select(z => z.Lane).Distinct().ToList(), laneApproaches: laneApproaches);
                _cameras.Add(new TwinCamera(junction.TrafficLightId, setup, new CameraTrafficAnalyzer(setup, _clock), renderer, movements));
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, MovementObservation>> Measure(double time)
    {
        if (_traci is null || _cameras.Count == 0)
        {
            return new Dictionary<string, IReadOnlyDictionary<string, MovementObservation>>();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        _clock.AdvanceTo(time);
        var vehicles = _traci.VehicleStates(_traci.VehicleIds());
        var persons = _traci.PersonStates(_traci.PersonIds());
        foreach (var camera in _cameras)
        {
            var (image, _) = camera.Renderer.Render(vehicles, time, persons);
            var letterbox = _detector.Prepare(0, image);
            _detector.Run(1);
            _detector.Decode(0, letterbox, _found);
            FramesInferred++;
            Detections += _found.Count;
            var frame = new FrameDetections(camera.Setup.CameraId, camera.NextFrame++, _clock.GetUtcNow(), image.Width, image.Height, _found.ToArray());
            if (camera.Analyzer.Process(frame, out _) is { } analysis)
            {
                VehiclesCounted += analysis.Counts.Count;
            }
        }

        if (time >= _nextPublish)
        {
            _nextPublish = time + 1;
            foreach (var camera in _cameras)
            {
                Publish(camera);
            }
        }

        WallSeconds += watch.Elapsed.TotalSeconds;
        return _latest.ToDictionary(x => x.Key, x => (IReadOnlyDictionary<string, MovementObservation>)x.Value, StringComparer.Ordinal);
    }

    public void Dispose()
    {
        foreach (var camera in _cameras)
        {
            camera.Renderer.Dispose();
        }

        _detector.Dispose();
    }

    private void Publish(TwinCamera camera)
    {
        if (!_latest.TryGetValue(camera.TrafficLightId, out var observed))
        {
            _latest[camera.TrafficLightId] = observed = new Dictionary<string, MovementObservation>(StringComparer.Ordinal);
        }

        foreach (var m in camera.Analyzer.Measure().Where(m => m.Approach == camera.Setup.Approach))
        {
            foreach (var movement in camera.Movements)
            {
                observed[movement.MovementId] = Domain.Control.MovementObservations.OfMovement(m, movement.InLanes);
                ObservationsUsed++;
            }
        }
    }

    private sealed class TwinCamera(string trafficLightId, CameraAnalyticsSetup setup, CameraTrafficAnalyzer analyzer, CameraRenderer renderer, IReadOnlyList<MovementLanes> movements)
    {
        public string TrafficLightId { get; } = trafficLightId;

        public CameraAnalyticsSetup Setup { get; } = setup;

        public CameraTrafficAnalyzer Analyzer { get; } = analyzer;

        public CameraRenderer Renderer { get; } = renderer;

        public IReadOnlyList<MovementLanes> Movements { get; } = movements;

        public long NextFrame { get; set; }
    }
}
