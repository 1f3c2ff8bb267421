namespace ConfigCluster.DevVault.Json;

/// <summary>How numbers are re-emitted when a stored JSON value is written back out.</summary>
internal enum NumberStyle
{
    /// <summary>As Go's json.Unmarshal into interface{} then json.Marshal does (KV v2): float64, shortest form.</summary>
    GoFloat64,

    /// <summary>The literal as received (KV v1 decodes with UseNumber).</summary>
    Literal,
}
