# syntax=docker/dockerfile:1
# The fieldprint collector. Build from the repository root:
#   docker build -f docker/collector.Dockerfile -t fieldprint-collector .
# It needs no capability at all: run it with --cap-drop ALL --security-opt no-new-privileges.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY protocols protocols
COPY advisories advisories
COPY collector-api collector-api
COPY agent/pom.xml agent/pom.xml
COPY config config
COPY docs/reference docs/reference
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -pl collector-api -am package

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 fieldprint \
 && useradd --system --uid 10001 --gid fieldprint --home-dir /var/lib/fieldprint \
      --shell /usr/sbin/nologin fieldprint \
 && install -d -o fieldprint -g fieldprint -m 0750 /var/lib/fieldprint \
 && install -d -o fieldprint -g fieldprint -m 0700 /run/fieldprint
COPY --from=build /src/collector-api/target/fieldprint-collector.jar /opt/fieldprint/fieldprint-collector.jar
COPY config/demo/advisories /opt/fieldprint/advisories/demo
USER fieldprint
WORKDIR /var/lib/fieldprint
VOLUME ["/var/lib/fieldprint"]
EXPOSE 8443
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD curl -fsS http://127.0.0.1:8443/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/fieldprint/fieldprint-collector.jar"]
CMD ["--config", "/etc/fieldprint/collector.yaml"]
