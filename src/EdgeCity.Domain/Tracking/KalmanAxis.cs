namespace EdgeCity.Domain.Tracking;

/// <summary>
/// A constant-velocity Kalman filter on one box coordinate. ByteTrack's 8-state filter has block-diagonal motion,
/// process and measurement matrices, so it splits exactly into four of these (centre x, centre y, width, height).
/// </summary>
internal struct KalmanAxis
{
    public double Position;
    public double Velocity;
    private double _p00;
    private double _p01;
    private double _p11;

    public KalmanAxis(double position, double positionStd, double velocityStd)
    {
        Position = position;
        Velocity = 0;
        _p00 = positionStd * positionStd;
        _p01 = 0;
        _p11 = velocityStd * velocityStd;
    }

    /// <summary>Moves the state dt forward; q are the process noise standard deviations over that step.</summary>
    public void Predict(double dt, double positionStd, double velocityStd)
    {
        Position += Velocity * dt;
        var p00 = _p00 + (2 * dt * _p01) + (dt * dt * _p11);
        var p01 = _p01 + (dt * _p11);
        _p00 = p00 + (positionStd * positionStd);
        _p01 = p01;
        _p11 += velocityStd * velocityStd;
    }

    /// <summary>Folds in a measurement of the position with the given standard deviation.</summary>
    public void Update(double measured, double measurementStd)
    {
        var s = _p00 + (measurementStd * measurementStd);
        var k0 = _p00 / s;
        var k1 = _p01 / s;
        var innovation = measured - Position;
        Position += k0 * innovation;
        Velocity += k1 * innovation;
        var p00 = (1 - k0) * _p00;
        var p01 = (1 - k0) * _p01;
        var p11 = _p11 - (k1 * _p01);
        _p00 = p00;
        _p01 = p01;
        _p11 = p11;
    }
}
