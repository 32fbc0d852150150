using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Api;
using Relais.Web.Automations;
using Relais.Web.Campaigns;
using Relais.Web.Contests;
using Relais.Web.Drives;
using Relais.Web.Embeds;
using Relais.Web.Giving;
using Relais.Web.Imports;
using Relais.Web.Ladder;
using Relais.Web.Live;
using Relais.Web.Localization;
using Relais.Web.Media;
using Relais.Web.Members;
using Relais.Web.Payments;
using Relais.Web.Petitions;
using Relais.Web.Privacy;
using Relais.Web.Receipts;
using Relais.Web.Relays;
using Relais.Web.Segments;
using Relais.Web.Sharing;
using Relais.Web.Supporters;

namespace Relais.Web.Hosting;

/// <summary>Builds the Relais web host; shared by Program, the `relais` CLI and the tests.</summary>
public static class RelaisApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddRelaisServices();
        var app = builder.Build();
        app.UseRelaisPipeline();
        return app;
    }

    /// <summary>
    /// Settings that hold wherever the host is started from (appsettings.json is read from the
    /// working folder, which the `relais` command does not share); every other source overrides them.
    /// </summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Urls"] = "http://localhost:5080",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public static WebApplicationBuilder AddRelaisServices(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRelaisDb();
        services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SourceOptions>().BindConfiguration("Relais").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        // Accented letters stay letters in the HTML instead of becoming &#xE9; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddDataProtection().SetApplicationName("Relais");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DatabaseOptions>>((keys, database) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(database.Value.DataFolder), "keys")), NullLoggerFactory.Instance));

        services.AddIdentityCore<Member>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "";
            })
            .AddUserStore<MemberStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MemberClaims>();
        services.AddSingleton<ILookupNormalizer, EmailLookupNormalizer>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = "relais.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddAuthorizationBuilder().AddRelaisPolicies();
        services.AddScoped<CurrentOrganization>();
        services.AddScoped<MemberAccounts>();

        services.AddRelaisLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "relais.af";
            o.FormFieldName = "__af";
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.Member);
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
            o.Conventions.AddPageRoute("/Admin/Campaigns/Edit", "/admin/campaigns/new");
        }).AddViewLocalization();

        // First: hosted services start in order, so every job below finds the schema migrated.
        services.AddHostedService<DatabaseStartup>();
        services.AddRateLimits();
        services.AddActions();
        services.AddCampaigns();
        services.AddPetitions();
        services.AddSupporters();
        services.AddPrivacy();
        services.AddLadder();
        services.AddSegments();
        services.AddMessaging();
        services.AddAutomations();
        services.AddImports();
        services.AddRelays();
        services.AddSharing();
        services.AddLive();
        services.AddEmbeds();
        services.AddGiving();
        services.AddPayments();
        services.AddDrives();
        services.AddContests();
        services.AddReceipts();
        return builder;
    }

    public static WebApplication UseRelaisPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Oversized or malformed requests keep their own status (413, 400) instead of a 500.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.Use(SecurityHeaders.Add);
        app.Environment.WebRootFileProvider = new EmbeddedFileProvider(typeof(RelaisApp).Assembly, "Relais.Web.wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After routing: the limiter reads each endpoint's policy.
        app.UseRateLimiter();

        app.MapGet("/health", () => "ok").ExcludeFromDescription();
        app.MapCultureSwitch();
        app.MapImages();
        app.MapSignersExport();
        app.MapSupporters();
        app.MapPrivacy();
        app.MapSegments();
        app.MapMessagingApi();
        app.MapAutomations();
        app.MapImports();
        app.MapRelays();
        app.MapSharing();
        app.MapLive();
        app.MapPayments();
        app.MapDrives();
        app.MapContests();
        app.MapReceipts();
        app.MapRazorPages();
        return app;
    }
}
