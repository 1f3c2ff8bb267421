namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// What a grant allows on the configs it covers: <see cref="Read"/> metadata and non-encrypted values,
/// <see cref="Reveal"/> encrypted values, <see cref="Write"/> create, update and delete, <see cref="Admin"/> keys and
/// grants, which implies every other action.
/// </summary>
[Flags]
public enum AccessActions
{
    None = 0,
    Read = 1,
    Reveal = 2,
    Write = 4,
    Admin = 8,
}
