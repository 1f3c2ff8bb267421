using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Byte-level encoding of secret values: Go's escaping, float64 re-serialisation, sorted keys.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class EncodingTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task HtmlSensitiveCharactersAreEscapedLikeGo()
    {
        string data = await RoundTripAsync("""{"h":"<a href=\"x\">&</a>","ctl":"\u0001\b\f\n\r\t\u007f","ls":"\u2028","u":"é😀"}""");

        string expected = "{\"ctl\":\"\\u0001\\b\\f\\n\\r\\t\u007f\","
            + "\"h\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\","
            + "\"ls\":\"\\u2028\",\"u\":\"é😀\"}";
        Assert.Equal(expected, data);
    }

    [Fact]
    public async Task NumbersComeBackAsGoFloat64()
    {
        string data = await RoundTripAsync("""{"a":1.0,"b":1e-7,"c":1e21,"d":12345678901234567890,"e":0.000001,"f":-0.0,"g":1.5E+3,"h":100}""");

        Assert.Equal("""{"a":1,"b":1e-7,"c":1e+21,"d":12345678901234567000,"e":0.000001,"f":-0,"g":1500,"h":100}""", data);
    }

    [Fact]
    public async Task ObjectKeysAreSortedAtEveryLevelAndArraysKeepTheirOrder()
    {
        string data = await RoundTripAsync("""{"z":{"y":1,"b":[3,1,{"k":null,"a":true}]},"A":false}""");

        Assert.Equal("""{"A":false,"z":{"b":[3,1,{"a":true,"k":null}],"y":1}}""", data);
    }

    [Fact]
    public async Task AnEmptyDataObjectIsAValidVersion()
    {
        Assert.Equal("{}", await RoundTripAsync("{}"));
    }

    [Fact]
    public async Task UnknownTopLevelFieldsAreIgnoredWithAWarning()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/data/{SharedVault.UniqueKey()}", """{"data":{},"zeta":1,"alpha":2}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal("Endpoint ignored these unrecognized parameters: [alpha zeta]", reply.Json.GetProperty("warnings")[0].GetString());
    }

    private async Task<string> RoundTripAsync(string dataJson)
    {
        string key = SharedVault.UniqueKey();
        VaultReply written = await Http.PostAsync($"/v1/secret/data/{key}", "{\"data\":" + dataJson + "}");
        Assert.Equal(200, written.Status);
        string body = (await Http.GetAsync($"/v1/secret/data/{key}")).Text;
        int start = body.IndexOf("\"data\":{\"data\":", StringComparison.Ordinal) + "\"data\":{\"data\":".Length;
        int end = body.IndexOf(",\"metadata\":", start, StringComparison.Ordinal);
        return body[start..end];
    }
}
