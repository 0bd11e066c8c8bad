using EdgeCity.Domain.Evaluation;
using EdgeCity.Domain.Geometry;
using EdgeCity.Domain.Sites;
using EdgeCity.Simulation.Network;
using EdgeCity.Simulation.Traci;
using OpenCvSharp;

namespace EdgeCity.Simulation.Twin;

/// <summary>
/// Renders one simulated camera: the road background (drawn once), the vehicles and pedestrians SUMO reports, lighting, noise and blur
/// that vary per camera and over time, and the exact ground truth of the frame (boxes, classes, lanes, count-line crossings).
/// </summary>
public sealed class CameraRenderer : IDisposable
{
    private readonly Mat _background;
    private readonly Mat _canvas;
    private readonly Mat[] _noise;
    private readonly Random _random;
    private readonly IReadOnlyList<CountLineDefinition> _lines;
    private readonly IReadOnlyList<SumoLane> _watchedLanes;
    private readonly IReadOnlyDictionary<string, string> _laneApproaches;
    private readonly Dictionary<string, Point2> _previous = new(StringComparer.Ordinal);
    private readonly (double X, double Y) _shadow;
    private readonly double _brightness, _contrast, _blur, _maxRange;
    private readonly bool _effects;
    private long _frame;

    /// <param name="cameraId">The camera's id (also seeds its look: light, noise, focus).</param>
    /// <param name="pose">Where the camera is.</param>
    /// <param name="network">The network it looks at.</param>
    /// <param name="countLines">Count lines whose crossings go into the ground truth.</param>
    /// <param name="maxRange">Vehicles and road farther than this many metres are not drawn.</param>
    /// <param name="effects">Lighting, noise and blur; off only for tests that compare pixels exactly.</param>
    /// <param name="watchedLanes">Lanes whose true queue goes into every frame's ground truth (the camera's zones).</param>
    /// <param name="laneApproaches">The approach of each lane (from the site), written with each vehicle and queue.</param>
    public CameraRenderer(
        string cameraId,
        CameraPoseDefinition pose,
        SumoNetwork network,
        IReadOnlyList<CountLineDefinition>? countLines = null,
        double maxRange = 160,
        bool effects = true,
        IReadOnlyList<string>? watchedLanes = null,
        IReadOnlyDictionary<string, string>? laneApproaches = null)
    {
        _watchedLanes = (watchedLanes ?? []).Select(l => network.Lanes.TryGetValue(l, out var lane) ? lane : throw new ArgumentException($"camera '{cameraId}': lane '{l}' is not in {network.Source}")).ToList();
        _laneApproaches = laneApproaches ?? new Dictionary<string, string>();
        _effects = effects;
        CameraId = cameraId;
        Camera = new CameraModel(pose);
        _maxRange = maxRange;
        _lines = countLines ?? [];
        _background = RoadBackground.Render(network, Camera, maxRange);
        _canvas = _background.Clone();
        _random = new Random((int)StableHash.Of(cameraId));
        // Each camera gets its own light: sun direction (so shadows), exposure, contrast, sensor noise and focus.
        var sun = _random.NextDouble() * 2 * Math.PI;
        _shadow = (Math.Cos(sun) * 0.8, Math.Sin(sun) * 0.8);
        _brightness = (_random.NextDouble() * 40) - 20;
        _contrast = 0.85 + (_random.NextDouble() * 0.3);
        _blur = _random.NextDouble() * 1.1;
        var sigma = 3 + (_random.NextDouble() * 6);
        _noise = new Mat[4];
        for (var i = 0; i < _noise.Length; i++)
        {
            _noise[i] = new Mat(Camera.Height, Camera.Width, MatType.CV_8UC3);
            Cv2.Randn(_noise[i], new Scalar(128, 128, 128), new Scalar(sigma, sigma, sigma));
        }
    }

    public string CameraId { get; }

    public CameraModel Camera { get; }

    /// <summary>The road without vehicles, as this camera sees it.</summary>
    public Mat Background => _background;

    /// <summary>Where this camera's sun casts shadows: the ground offset of a shadow's tip per metre of height.</summary>
    public (double X, double Y) ShadowPerMetre => _shadow;

    /// <summary>Renders one frame. The returned image is reused by the next call: encode or copy it before then.</summary>
    /// <param name="vehicles">The vehicles SUMO reports this step.</param>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="persons">The pedestrians SUMO reports this step (<see cref="TraciConnection.PersonStates"/>): drawn
    /// and boxed as class person, never counted on a line or queued in a lane.</param>
    public (Mat Image, TruthFrame Truth) Render(IReadOnlyList<VehicleState> vehicles, double time, IReadOnlyList<VehicleState>? persons = null)
    {
        _background.CopyTo(_canvas);
        var pose = Camera.Pose;
        var ordered = new List<(VehicleState V, double Depth)>();
        foreach (var v in persons is { Count: > 0 } ? vehicles.Concat(persons) : vehicles)
        {
            var (cx, cy) = v.Centre;
            if (Math.Abs(cx - pose.X) > _maxRange || Math.Abs(cy - pose.Y) > _maxRange)
            {
                continue;
            }

            if (Camera.Project(cx, cy, 0) is { } p && p.U > -Camera.Width && p.U < 2 * Camera.Width && p.V > -Camera.Height && p.V < 2 * Camera.Height)
            {
                ordered.Add((v, p.Depth));
            }
        }

        // Painter's order: far vehicles first, so near ones cover them as they would on a real sensor.
        ordered.Sort((a, b) => b.Depth.CompareTo(a.Depth));
        var objects = new List<TruthVehicle>();
        foreach (var (v, _) in ordered)
        {
            var cls = VehicleClass.FromSumo(v.VehicleClass);
            var drawn = cls == VehicleClass.Person ? PersonPainter.Draw(_canvas, Camera, v, time, _shadow) : VehiclePainter.Draw(_canvas, Camera, v, cls, _shadow);
            if (drawn is not { } b)
            {
                continue;
            }

            var l = Math.Clamp(b.L, 0, Camera.Width);
            var t = Math.Clamp(b.T, 0, Camera.Height);
            var r = Math.Clamp(b.R, 0, Camera.Width);
            var bottom = Math.Clamp(b.B, 0, Camera.Height);
            var full = (b.R - b.L) * (b.B - b.T);
            if (r - l < 3 || bottom - t < 3 || (r - l) * (bottom - t) < 0.25 * full)
            {
                continue;
            }

            objects.Add(new TruthVehicle
            {
                Id = v.Id,
                Box = [Math.Round(l, 2), Math.Round(t, 2), Math.Round(r, 2), Math.Round(bottom, 2)],
                Class = cls,
                Lane = v.LaneId,
                Approach = _laneApproaches.GetValueOrDefault(v.LaneId),
                Speed = Math.Round(v.Speed, 3),
                Type = v.TypeId,
            });
        }

        var crossings = Crossings(vehicles);
        var visible = objects.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var queues = _watchedLanes.Select(lane => new TruthQueue
        {
            Approach = _laneApproaches.GetValueOrDefault(lane.Id, string.Empty),
            Lane = lane.Id,
            Meters = LaneQueueTruth.Meters(lane, vehicles, visible),
        }).ToList();
        if (_effects)
        {
            ApplyCameraEffects(time);
        }

        var truth = new TruthFrame
        {
            Camera = CameraId,
            Frame = _frame++,
            Time = Math.Round(time, 3),
            Width = Camera.Width,
            Height = Camera.Height,
            Vehicles = objects,
            Crossings = crossings,
            Queues = queues,
        };
        return (_canvas, truth);
    }

    private List<TruthCrossing> Crossings(IReadOnlyList<VehicleState> vehicles)
    {
        var crossings = new List<TruthCrossing>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in vehicles)
        {
            // A vehicle crosses when its front does (SUMO's position is the front bumper), as a loop detector and the
            // analytics' bottom-centre anchor on a camera facing oncoming traffic see it.
            if (Camera.ProjectGround(new Point2(v.X, v.Y)) is not { } now)
            {
                continue;
            }

            seen.Add(v.Id);
            if (_previous.TryGetValue(v.Id, out var before))
            {
                foreach (var line in _lines)
                {
                    var a = new Point2(line.From[0], line.From[1]);
                    var b = new Point2(line.To[0], line.To[1]);
                    // The site's "in" is the analytics' forward (see SiteCameraSetup.LineOf), "out" its backward.
                    if (CountLineCrossing.Classify(a, b, before, now) is { } direction)
                    {
                        crossings.Add(new TruthCrossing { Line = line.Id, Vehicle = v.Id, Direction = direction == "in" ? "forward" : "backward", Class = VehicleClass.FromSumo(v.VehicleClass) });
                    }
                }
            }

            _previous[v.Id] = now;
        }

        foreach (var gone in _previous.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _previous.Remove(gone);
        }

        return crossings;
    }

    private void ApplyCameraEffects(double time)
    {
        // Exposure drifts slowly (clouds), noise changes every frame, focus stays per camera.
        var drift = 12 * Math.Sin((time / 40.0) + _contrast);
        _canvas.ConvertTo(_canvas, -1, _contrast, _brightness + drift - (128 * (_contrast - 1)));
        Cv2.AddWeighted(_canvas, 1, _noise[_random.Next(_noise.Length)], 1, -128, _canvas);
        if (_blur > 0.3)
        {
            Cv2.GaussianBlur(_canvas, _canvas, new Size(3, 3), _blur);
        }
    }

    public void Dispose()
    {
        _background.Dispose();
        _canvas.Dispose();
        foreach (var n in _noise)
        {
            n.Dispose();
        }
    }
}
