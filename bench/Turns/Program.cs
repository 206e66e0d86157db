using ConversationBot.Bench.Turns;

// bench/turns: `dotnet run -c Release --project bench/Turns [-- --seconds 10 --concurrency 32]`.
// The same executable is started again as `serve <target>` for each server under test, so each
// target runs alone in its own process and its peak memory is its own.
return args is ["serve", var target, ..]
    ? await TargetServer.RunAsync(target, BenchSettings.Parse(args[2..]))
    : await Driver.RunAsync(BenchSettings.Parse(args));
