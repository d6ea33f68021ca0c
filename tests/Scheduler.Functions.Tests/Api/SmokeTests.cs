using System.Net;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>The app answers through the local host on the official SDKs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SmokeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_authority_is_created_and_read_with_its_key()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        using var client = app.Client(key);
        var authority = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}"), HttpStatusCode.OK);
        Assert.Equal(code, authority["code"]!.GetValue<string>());
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities/{code}")).StatusCode);
    }
}
