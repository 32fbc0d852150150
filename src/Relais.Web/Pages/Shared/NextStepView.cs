namespace Relais.Web.Pages.Shared;

/// <summary>What _NextStep.cshtml shows: the step (null: none left) and the relay link of the person who acted, when known.</summary>
public sealed record NextStepView(Relais.Ladder.NextStep? Step, string? RelayPath = null);
