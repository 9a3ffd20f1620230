using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Api;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>Where the hashing key comes from: configuration when set, else one key stored once in the database for every node.</summary>
public sealed class ApiKeyHashingKeyTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task A_configured_hashing_key_is_used_and_a_stored_one_is_shared_by_every_app_node()
    {
        var configured = RandomNumberGenerator.GetBytes(32);
        await using var configuredNode = new ApiKeysAppFactory(database.ConnectionString)
            .WithSettings(("ApiKeys:HashingKey", Convert.ToBase64String(configured)));
        var secret = ApiKeySecrets.Create().Secret;
        Assert.Equal(
            HMACSHA256.HashData(configured, Encoding.UTF8.GetBytes(secret)),
            await configuredNode.Services.GetRequiredService<ApiKeySecrets>().HashAsync(secret, CancellationToken.None));

        await using var first = new ApiKeysAppFactory(database.ConnectionString);
        await using var second = new ApiKeysAppFactory(database.ConnectionString);
        var hashes = await Task.WhenAll(
            first.Services.GetRequiredService<ApiKeySecrets>().HashAsync(secret, CancellationToken.None),
            second.Services.GetRequiredService<ApiKeySecrets>().HashAsync(secret, CancellationToken.None));
        Assert.Equal(hashes[0], hashes[1]);
        Assert.Equal(await ApiKeysSupport.ExpectedHashAsync(database.ConnectionString, secret), hashes[0]);
        Assert.NotEqual(hashes[0], HMACSHA256.HashData(configured, Encoding.UTF8.GetBytes(secret)));
        await using var db = database.OpenDb();
        Assert.Equal(1, await db.AppSettings.CountAsync(s => s.Key == ApiKeySecrets.HashingKeySetting));
    }

    [Fact]
    public async Task A_key_made_under_another_hashing_key_is_refused()
    {
        await using var app = new ApiKeysAppFactory(database.ConnectionString)
            .WithSettings(("ApiKeys:HashingKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        var user = await database.Data.AddUserAsync(UserRole.Supervisor);
        var (_, secret) = await app.AddApiKeyAsync(database.ConnectionString, user, ApiKeyScopes.Read);
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(secret).GetAsync("/api/v1/me")).StatusCode);

        await using var otherKey = new ApiKeysAppFactory(database.ConnectionString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherKey.BearerClient(secret).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_hashing_key_that_is_not_base64_of_32_bytes_stops_the_start(string value)
    {
        using var app = new ApiKeysAppFactory(database.ConnectionString).WithSettings(("ApiKeys:HashingKey", value));
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("ApiKeys:HashingKey", failure.ToString());
    }
}
