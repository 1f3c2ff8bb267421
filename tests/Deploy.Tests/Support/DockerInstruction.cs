namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// One Dockerfile instruction (<c>COPY</c>, <c>RUN</c>, ...) with its arguments, continuation lines joined;
/// <see cref="Index"/> is its position in the file, <see cref="Stage"/> its build stage (0 = the first FROM).
/// </summary>
internal sealed record DockerInstruction(int Index, string Keyword, string Arguments, int Stage)
{
    public string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
