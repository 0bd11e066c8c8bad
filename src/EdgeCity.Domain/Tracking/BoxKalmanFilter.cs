using EdgeCity.Domain.Geometry;

namespace EdgeCity.Domain.Tracking;

/// <summary>
/// Constant-velocity Kalman filter on a box (centre, width, height) with ByteTrack's noise model: every standard
/// deviation is a fraction of the box height, so a far, small vehicle and a near, large one are equally certain.
/// Time advances in steps of the nominal frame interval, so an irregular or dropped frame widens the uncertainty
/// by the real time that passed.
/// </summary>
internal sealed class BoxKalmanFilter
{
    private const double WeightPosition = 1.0 / 20;
    private const double WeightVelocity = 1.0 / 160;

    private KalmanAxis _cx;
    private KalmanAxis _cy;
    private KalmanAxis _w;
    private KalmanAxis _h;

    public BoxKalmanFilter(BoxF box)
    {
        var h = Math.Max(box.Height, 1f);
        var c = box.Center;
        _cx = new KalmanAxis(c.X, 2 * WeightPosition * h, 10 * WeightVelocity * h);
        _cy = new KalmanAxis(c.Y, 2 * WeightPosition * h, 10 * WeightVelocity * h);
        _w = new KalmanAxis(box.Width, 2 * WeightPosition * h, 10 * WeightVelocity * h);
        _h = new KalmanAxis(h, 2 * WeightPosition * h, 10 * WeightVelocity * h);
    }

    /// <summary>The filtered box.</summary>
    public BoxF Box
    {
        get
        {
            var w = Math.Max(_w.Position, 1);
            var h = Math.Max(_h.Position, 1);
            return BoxF.FromCenter((float)_cx.Position, (float)_cy.Position, (float)w, (float)h);
        }
    }

    /// <summary>Advances the state by a number of nominal frame steps (fractions allowed).</summary>
    public void Predict(double steps)
    {
        var h = Math.Max(_h.Position, 1);
        var qp = WeightPosition * h * Math.Sqrt(steps);
        var qv = WeightVelocity * h * Math.Sqrt(steps);
        _cx.Predict(steps, qp, qv);
        _cy.Predict(steps, qp, qv);
        _w.Predict(steps, qp, qv);
        _h.Predict(steps, qp, qv);
    }

    /// <summary>Corrects the state with a detected box.</summary>
    public void Update(BoxF box)
    {
        var r = WeightPosition * Math.Max(box.Height, 1f);
        var c = box.Center;
        _cx.Update(c.X, r);
        _cy.Update(c.Y, r);
        _w.Update(box.Width, r);
        _h.Update(box.Height, r);
    }
}
