// Orleans (via the Grains reference) imports the Orleans namespace, which has its own ErrorCode.
global using ErrorCode = Confluent.Kafka.ErrorCode;
