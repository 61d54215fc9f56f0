using System.CommandLine;
using Cdx.Config;
using Cdx.Config.Features;

namespace Cdx.Cli.Commands;

/// <summary>`cdx features list|enable|disable`: inspect and toggle feature flags.</summary>
public static class FeaturesCommand
{
    /// <summary>Creates the `features` command group.</summary>
    public static Command Create()
    {
        var features = new Command("features", "List feature flags and enable or disable them in config.toml.");
        features.Subcommands.Add(CreateList());
        features.Subcommands.Add(CreateToggle("enable", true));
        features.Subcommands.Add(CreateToggle("disable", false));
        return features;
    }

    private static Command CreateList()
    {
        var cmd = new Command("list", "Show every feature with its stage, effective value, and whether requirements pin it.");
        var options = ConfigOptions.AddTo(cmd, dedicatedFlags: false);
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var effective = await options.LoadAsync(pr, ct);
            var pins = effective.Requirements.FeaturePins;
            var width = FeatureRegistry.All.Max(f => f.Name.Length) + 2;
            foreach (var f in FeatureRegistry.All)
            {
                var value = effective.Config.Features[f.Name] ? "true" : "false";
                var pinned = pins is not null && pins.Value.ContainsKey(f.Name) ? $"pinned ({pins.Source})" : "";
                Console.Out.WriteLine($"{f.Name.PadRight(width)}{f.StageName,-19}{value,-7}{pinned}".TrimEnd());
            }
            return 0;
        });
        return cmd;
    }

    private static Command CreateToggle(string verb, bool value)
    {
        var cmd = new Command(verb, $"{(value ? "Enable" : "Disable")} a feature in $CODEX_HOME/config.toml (refused when requirements pin it).");
        var name = new Argument<string>("feature") { Description = "Feature name (see `cdx features list`)." };
        cmd.Arguments.Add(name);
        var options = ConfigOptions.AddTo(cmd, dedicatedFlags: false);
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var effective = await options.LoadAsync(pr, ct);
            try
            {
                var feature = pr.GetValue(name)!;
                var path = FeatureWriter.Set(effective, feature, value);
                Console.Out.WriteLine($"Set features.{FeatureRegistry.Find(feature)!.Name} = {(value ? "true" : "false")} in {path}.");
                return 0;
            }
            catch (ConfigException ex)
            {
                throw ConfigOptions.ToUserError(ex);
            }
        });
        return cmd;
    }
}
