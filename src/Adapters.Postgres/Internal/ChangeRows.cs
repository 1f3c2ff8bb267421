namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>Maps <see cref="ChangeRecord"/> to the parameters and rows of <c>config_changes</c>.</summary>
internal static class ChangeRows
{
    /// <summary>Reads a row selected with <see cref="Sql.ChangeColumns"/>: id, change and when it was recorded.</summary>
    public static (long Id, ChangeRecord Change, DateTimeOffset RecordedAt) Read(NpgsqlDataReader reader)
    {
        var address = new ConfigAddress(reader.GetString(3), reader.GetString(4), reader.GetString(5));
        var change = new ChangeRecord(
            EventId: reader.GetGuid(1),
            Action: ChangeActions.Parse(reader.GetString(2)),
            Address: address,
            OldVersion: reader.GetInt64(6),
            NewVersion: reader.GetInt64(7),
            IsEncrypted: reader.GetBoolean(8),
            Actor: reader.GetString(9),
            RequestId: reader.GetString(10),
            At: reader.GetFieldValue<DateTimeOffset>(11),
            Entity: ChangeEntities.Parse(reader.GetString(13)),
            Details: reader.IsDBNull(14) ? null : reader.GetString(14));
        return (reader.GetInt64(0), change, reader.GetFieldValue<DateTimeOffset>(12));
    }

    public static void AddChange(NpgsqlParameterCollection parameters, ChangeRecord change)
    {
        AddAddress(parameters, change.Address);
        parameters.Add(new NpgsqlParameter<Guid>("event_id", change.EventId));
        parameters.Add(new NpgsqlParameter<string>("action", ChangeActions.ToText(change.Action)));
        parameters.Add(new NpgsqlParameter<long>("old_version", change.OldVersion));
        parameters.Add(new NpgsqlParameter<long>("new_version", change.NewVersion));
        parameters.Add(new NpgsqlParameter<bool>("is_encrypted", change.IsEncrypted));
        parameters.Add(new NpgsqlParameter<string>("actor", change.Actor));
        parameters.Add(new NpgsqlParameter<string>("request_id", change.RequestId));
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurred_at", change.At.ToUniversalTime()));
        parameters.Add(new NpgsqlParameter("idempotency_key", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)change.Idempotency?.Key ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("fingerprint", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)change.Idempotency?.Fingerprint ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("details", NpgsqlTypes.NpgsqlDbType.Jsonb) { Value = (object?)change.Details ?? DBNull.Value });
        AddRetention(parameters);
    }

    /// <summary>How long an idempotency key is honoured (<see cref="IdempotencyKey.Retention"/>), as @retention.</summary>
    public static void AddRetention(NpgsqlParameterCollection parameters) =>
        parameters.Add(new NpgsqlParameter<TimeSpan>("retention", IdempotencyKey.Retention));

    /// <summary>Reads a row of <see cref="Sql.FindByIdempotencyKey"/>.</summary>
    public static IdempotentChange ReadIdempotent(NpgsqlDataReader reader)
    {
        var (id, change, _) = Read(reader);
        return new IdempotentChange(
            reader.GetString(15), new ChangeTicket(id, change.EventId), change, ChangeStates.Parse(reader.GetString(16)), reader.GetBoolean(17));
    }

    public static void AddAddress(NpgsqlParameterCollection parameters, ConfigAddress address)
    {
        parameters.Add(new NpgsqlParameter<string>("environment", address.Environment));
        parameters.Add(new NpgsqlParameter<string>("service_name", address.ServiceName));
        parameters.Add(new NpgsqlParameter<string>("key", address.Key));
    }

    public static void AddTicket(NpgsqlParameterCollection parameters, ChangeTicket ticket)
    {
        parameters.Add(new NpgsqlParameter<long>("id", ticket.Id));
        parameters.Add(new NpgsqlParameter<Guid>("event_id", ticket.EventId));
    }
}
