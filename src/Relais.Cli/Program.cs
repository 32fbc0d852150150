using Relais.Cli;

return await RelaisCommand.RunAsync(args, Console.Out);
