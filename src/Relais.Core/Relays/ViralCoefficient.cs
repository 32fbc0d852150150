namespace Relais.Relays;

/// <summary>
/// New supporters brought by relays per supporter of the action: above 1, every person brings more
/// than one new person and the action spreads on its own.
/// </summary>
public static class ViralCoefficient
{
    public static double Of(int newSupportersBrought, int supporters) =>
        supporters <= 0 ? 0 : (double)Math.Max(0, newSupportersBrought) / supporters;
}
