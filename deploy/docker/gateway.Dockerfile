# syntax=docker/dockerfile:1
# The gateway silo: REST API (http 8082) + Orleans silo (11111) + Orleans gateway (30000).
# Build from the repository root (the build context must be the root, see /.dockerignore):
#   docker build -f deploy/docker/gateway.Dockerfile -t configcluster/gateway:dev .
# No secret is baked in: the Vault credentials (a Kubernetes service-account token, AppRole or a token file)
# and the connection strings come at run time (deploy/README.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files and the repository's central props only, so that this layer is reused
# until a project reference or a package version changes. Every project Gateway references is listed.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Gateway/Gateway.csproj src/Gateway/
COPY src/Hosting/Hosting.csproj src/Hosting/
COPY src/Adapters.Vault/Adapters.Vault.csproj src/Adapters.Vault/
COPY src/Adapters.Postgres/Adapters.Postgres.csproj src/Adapters.Postgres/
COPY src/Adapters.Redis/Adapters.Redis.csproj src/Adapters.Redis/
COPY src/Adapters.Kafka/Adapters.Kafka.csproj src/Adapters.Kafka/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Ports/Ports.csproj src/Ports/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Vault.Client/Vault.Client.csproj src/Vault.Client/
COPY src/Kafka.Native/Kafka.Native.csproj src/Kafka.Native/
RUN dotnet restore src/Gateway/Gateway.csproj
COPY src/ src/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's default ASPNETCORE_HTTP_PORTS=8080 would lose to appsettings.json's Urls (8082) with a
# warning at every start; clear it so that Urls alone decides.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 8082 11111 30000
# The non-root "app" user of the .NET images (APP_UID=1654); the Kubernetes manifests run as 1654 too.
USER $APP_UID
ENTRYPOINT ["dotnet", "ConfigCluster.Gateway.dll"]
