using Cdx.Cli;

// Entry point: everything interesting lives in CliApp so tests can drive it in-process too.
return await CliApp.RunAsync(args);
