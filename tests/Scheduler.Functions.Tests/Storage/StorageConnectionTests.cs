using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Tests.Storage;

public sealed class StorageConnectionTests
{
    [Fact]
    public void Development_storage_points_at_azurite_default_ports()
    {
        var c = StorageConnection.Parse("UseDevelopmentStorage=true");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), c.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), c.QueueEndpoint);
        Assert.Equal("devstoreaccount1", c.AccountName);
        Assert.True(c.UsesSharedKey);
    }

    [Fact]
    public void Explicit_path_style_endpoints_are_used_verbatim()
    {
        var c = StorageConnection.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + StorageConnection.DevelopmentAccountKey +
            ";TableEndpoint=http://127.0.0.1:5555/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:5556/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:5555/devstoreaccount1"), c.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5556/devstoreaccount1"), c.QueueEndpoint);
    }

    [Fact]
    public void Account_form_without_endpoints_derives_them_from_the_suffix()
    {
        var c = StorageConnection.Parse("DefaultEndpointsProtocol=https;AccountName=stsched;AccountKey=AAAA;EndpointSuffix=core.windows.net");
        Assert.Equal(new Uri("https://stsched.table.core.windows.net"), c.TableEndpoint);
        Assert.Equal(new Uri("https://stsched.queue.core.windows.net"), c.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountName=x", "AccountKey")]
    [InlineData("AccountKey=AAAA", "AccountName")]
    [InlineData("AccountName=x;AccountKey=not*base64", "base64")]
    [InlineData("AccountName=x;AccountKey=AAAA;TableEndpoint=relative/path", "TableEndpoint")]
    [InlineData("garbage", "Name=Value")]
    public void Bad_connection_strings_name_the_problem(string connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Error_messages_never_echo_the_account_key()
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnection.Parse("AccountKey=c2VjcmV0;AccountName"));
        Assert.DoesNotContain("c2VjcmV0", ex.Message);
    }

    [Fact]
    public async Task Token_credential_mode_sends_a_bearer_token_for_the_storage_scope()
    {
        var credential = new RecordingCredential();
        var transport = new RecordingTransport();
        var options = new StorageClientOptions { Transport = transport };
        var service = new TableServiceClient(new Uri("https://stsched.table.core.windows.net"), credential, options);

        Assert.Null(await service.GetTableClient("Cases").GetEntityIfExistsAsync("p", "r"));

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", transport.Authorization);
        Assert.Equal("https://stsched.table.core.windows.net/Cases(PartitionKey='p',RowKey='r')", transport.Uri);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers 404 and records what was sent (checks our wire contract; no storage behaviour is faked).</summary>
    private sealed class RecordingTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = new(new HttpClient(new StubHandler(HttpStatusCode.NotFound)));

        public string? Authorization { get; private set; }

        public string? Uri { get; private set; }

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            message.Request.Headers.TryGetValue("Authorization", out var auth);
            Authorization = auth;
            Uri = message.Request.Uri.ToString();
            await _inner.ProcessAsync(message);
        }
    }

    private sealed class StubHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
    }
}
