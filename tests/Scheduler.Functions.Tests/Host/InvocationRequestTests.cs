using System.Text;
using NodaTime;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

public sealed class InvocationRequestTests
{
    private static InvocationRequest Parse(string json) => InvocationRequest.Parse("F", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Binding_and_metadata_names_are_case_insensitive()
    {
        var request = Parse("""{"data":{"Message":"hi"},"metadata":{"deliverycount":4,"messageid":"m-9"}}""");

        Assert.Equal("hi", request.GetDataText("message"));
        Assert.Equal(4, request.DeliveryCount);
        Assert.Equal("m-9", request.MessageId);
    }

    [Fact]
    public void Storage_queue_metadata_names_are_understood()
    {
        var request = Parse("""{"Data":{"m":"x"},"Metadata":{"DequeueCount":"2","Id":"q-1","InsertionTime":"2026-01-05T10:00:00+01:00"}}""");

        Assert.Equal(2, request.DeliveryCount);
        Assert.Equal("q-1", request.MessageId);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 9, 0), request.EnqueuedTime);
    }

    [Fact]
    public void Typed_data_reads_an_object_and_an_encoded_string_alike()
    {
        var asObject = Parse("""{"Data":{"m":{"caseRef":"A-1","count":3}},"Metadata":{}}""");
        var asString = Parse("""{"Data":{"m":"{\"caseRef\":\"A-1\",\"count\":3}"},"Metadata":{}}""");

        Assert.Equal(new Sample("A-1", 3), asObject.GetData<Sample>("m"));
        Assert.Equal(new Sample("A-1", 3), asString.GetData<Sample>("m"));
    }

    [Fact]
    public void Sys_UtcNow_is_read_from_nested_metadata_even_when_sys_is_encoded()
    {
        var request = Parse("""{"Data":{},"Metadata":{"sys":"{\"UtcNow\":\"2026-03-01T06:00:00Z\"}"}}""");

        Assert.Equal(Instant.FromUtc(2026, 3, 1, 6, 0), request.UtcNow);
    }

    [Fact]
    public void Missing_sections_default_to_empty_and_absent_values_are_null()
    {
        var request = Parse("{}");

        Assert.Null(request.GetDataText("message"));
        Assert.Null(request.DeliveryCount);
        Assert.Null(request.GetData<Sample>("message"));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"Data\":[1]}")]
    [InlineData("{\"Data\":{},\"Metadata\":5}")]
    [InlineData("{oops")]
    public void Bodies_that_are_not_the_documented_shape_are_rejected(string json) =>
        Assert.Throws<InvalidInvocationException>(() => Parse(json));

    [Fact]
    public void Data_that_does_not_fit_the_requested_type_is_an_invalid_invocation()
    {
        var request = Parse("""{"Data":{"m":{"caseRef":5}},"Metadata":{}}""");

        var error = Assert.Throws<InvalidInvocationException>(() => request.GetData<Sample>("m"));
        Assert.Contains("'m'", error.Message, StringComparison.Ordinal);
    }

    private sealed record Sample(string CaseRef, int Count);
}
