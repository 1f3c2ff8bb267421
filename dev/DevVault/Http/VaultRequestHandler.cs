using ConfigCluster.DevVault.Sys;
using Microsoft.AspNetCore.Http;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// The server's single RequestDelegate, mirroring Vault's handler chain: printable-path check,
/// Go ServeMux cleaning redirect, <c>/v1/</c> prefix, <c>sys/health</c>, then logical requests.
/// </summary>
internal sealed class VaultRequestHandler(DevVaultState state)
{
    private const string ApiPrefix = "/v1/";
    private readonly LogicalRouter _router = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        VaultResponse response = await DispatchAsync(context);

        // What the request changed is in the journal's file before the client hears of it.
        state.Journal?.Flush();
        await VaultResponseSender.SendAsync(context, response);
    }

    private async ValueTask<VaultResponse> DispatchAsync(HttpContext context)
    {
        if (!VaultPathRules.TryDecode(context, out string path, out string rawQuery) || !VaultPathRules.IsPrintable(path))
        {
            return VaultResponse.BadPath;
        }

        string cleaned = VaultPathRules.CleanPath(path);
        if (cleaned != path || path == "/v1")
        {
            return VaultPathRules.Redirect(context, path == "/v1" ? ApiPrefix : cleaned, rawQuery);
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return VaultErrors.Empty(404);
        }

        string relative = path[ApiPrefix.Length..];
        if (relative == "sys/health")
        {
            return SysHealthHandler.Handle(context, state);
        }

        (LogicalRequest? request, VaultResponse? error) = await LogicalRequestBuilder.BuildAsync(context, relative);
        return error ?? _router.Route(request!);
    }
}
