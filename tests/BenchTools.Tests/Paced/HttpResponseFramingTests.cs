using System.Text;
using ConfigCluster.BenchTools.Paced;

namespace ConfigCluster.BenchTools.Tests.Paced;

/// <summary>Where an HTTP/1.1 response with a Content-Length ends, from the bytes read so far.</summary>
public sealed class HttpResponseFramingTests
{
    [Fact]
    public void AWholeResponseMeasuresItsFullLengthAndStatus()
    {
        const string Response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello";

        Assert.Equal((true, Encoding.ASCII.GetByteCount(Response), 200), Measure(Response));
    }

    [Fact]
    public void TheHeaderAloneGivesTheLengthTheBodyWillComplete()
    {
        const string Header = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n";

        Assert.Equal(Header.Length + 11, LengthOf(Header + "hel"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Len")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r")]
    public void AnIncompleteHeaderIsNotMeasuredYet(string received) => Assert.Equal((false, -1, 0), Measure(received));

    [Theory]
    [InlineData("content-length: 2")]
    [InlineData("CONTENT-LENGTH: 2")]
    [InlineData("Content-Length:2")]
    [InlineData("Content-Length:    2   ")]
    public void TheContentLengthHeaderIsFoundWhateverItsCaseAndSpacing(string contentLength)
    {
        var header = $"HTTP/1.1 200 OK\r\nServer: Kestrel\r\n{contentLength}\r\n\r\n";

        Assert.Equal(header.Length + 2, LengthOf(header + "{}"));
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found", 404)]
    [InlineData("HTTP/1.1 503 Service Unavailable", 503)]
    [InlineData("HTTP/1.1 204 No Content", 204)]
    public void TheStatusIsTheCodeOfTheStatusLine(string statusLine, int status)
    {
        var response = $"{statusLine}\r\nContent-Length: 0\r\n\r\n";

        Assert.Equal((true, response.Length, status), Measure(response));
    }

    [Fact]
    public void AHeaderWhoseNameOnlyEndsInContentLengthIsNotTheContentLength()
    {
        const string Header = "HTTP/1.1 200 OK\r\nX-Content-Length: 99\r\nContent-Length: 3\r\n\r\n";

        Assert.Equal(Header.Length + 3, LengthOf(Header + "abc"));
    }

    [Fact]
    public void AContentLengthInTheBodyIsNotReadAsAHeader()
    {
        const string Body = "\r\nContent-Length: 99\r\n\r\n";
        var header = $"HTTP/1.1 200 OK\r\nX-Trace: 1\r\nContent-Length: {Body.Length}\r\n\r\n";

        Assert.Equal(header.Length + Body.Length, LengthOf(header + Body));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")]
    public void AHeaderWithoutAUsableContentLengthGivesTheStatusButNoLength(string header) => Assert.Equal((true, -1, 200), Measure(header));

    [Theory]
    [InlineData("garbage\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n")]
    public void AStatusLineWithoutACodeGivesNeitherStatusNorLength(string header) => Assert.Equal((true, -1, 0), Measure(header));

    private static int LengthOf(string received)
    {
        var (measured, length, _) = Measure(received);
        Assert.True(measured);
        return length;
    }

    private static (bool Measured, int Length, int Status) Measure(string received) =>
        (HttpResponseFraming.TryMeasure(Encoding.ASCII.GetBytes(received), out var length, out var status), length, status);
}
