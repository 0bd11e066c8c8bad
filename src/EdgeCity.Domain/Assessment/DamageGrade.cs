namespace EdgeCity.Domain.Assessment;

/// <summary>Building damage grades as the xBD convention has them.</summary>
public enum DamageGrade
{
    NoDamage,
    Minor,
    Major,
    Destroyed,
}
