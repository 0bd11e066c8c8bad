using EdgeCity.Node.Cli;

return await EdgeCityCli.InvokeAsync(args);
