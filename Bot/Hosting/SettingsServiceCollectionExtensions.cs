using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationBot.Bot.Hosting;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// The one options convention: binds <typeparamref name="TOptions"/> from <paramref name="section"/>,
    /// checks it at start-up with its one validator (<see cref="SettingsValidator{TOptions}"/>, built by
    /// the container so it may take what it needs), and offers the checked value itself for the
    /// classes that take it plain.
    /// </summary>
    public static IServiceCollection AddSettings<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : SettingsValidator<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
    }
}
