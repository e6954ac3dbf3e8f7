# syntax=docker/dockerfile:1
# The fieldprint agent (fieldprint agent --config FILE) and, as the target "plant", the simulated
# demo plant (fieldprint plant). Build from the repository root:
#   docker build -f docker/agent.Dockerfile -t fieldprint-agent .
#   docker build -f docker/agent.Dockerfile --target plant -t fieldprint-plant .
# Run the agent with only CAP_NET_RAW (docker run --cap-drop ALL --cap-add NET_RAW ...): the java
# binary carries cap_net_raw as a file capability so the non-root user can open the capture.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY protocols protocols
COPY advisories advisories
COPY collector-api/pom.xml collector-api/pom.xml
COPY agent agent
COPY config config
COPY docs/reference docs/reference
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -pl agent -am package

# the runtime both targets share: a JRE, libpcap for pcap4j, curl for the health check
FROM eclipse-temurin:17-jre-jammy AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap0.8 curl libcap2-bin \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 fieldprint \
 && useradd --system --uid 10001 --gid fieldprint --home-dir /var/lib/fieldprint-agent \
      --shell /usr/sbin/nologin fieldprint \
 && install -d -o fieldprint -g fieldprint -m 0750 /var/lib/fieldprint-agent \
 && install -d -o fieldprint -g fieldprint -m 0755 /run/plant
COPY --from=build /src/agent/target/fieldprint.jar /opt/fieldprint/fieldprint.jar
COPY config/demo /opt/fieldprint/config/demo
WORKDIR /var/lib/fieldprint-agent

FROM runtime AS plant
USER fieldprint
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Dfieldprint.home=/opt/fieldprint", "-jar", "/opt/fieldprint/fieldprint.jar", "plant"]

FROM runtime AS agent
# cap_net_raw as a file capability of java: only effective when the container is given NET_RAW
# (and no-new-privileges is off); the dynamic loader then ignores $ORIGIN, so the JDK's own
# library folder is registered with ldconfig
RUN setcap cap_net_raw+ep /opt/java/openjdk/bin/java \
 && echo /opt/java/openjdk/lib > /etc/ld.so.conf.d/openjdk.conf \
 && ldconfig
USER fieldprint
VOLUME ["/var/lib/fieldprint-agent"]
EXPOSE 9465
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD curl -fsS http://127.0.0.1:9465/health || exit 1
# the launcher's JVM options and malloc arenas for the agent (./fieldprint; docs/benchmarks.md)
ENV MALLOC_ARENA_MAX=1
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Dfieldprint.home=/opt/fieldprint", "-jar", "/opt/fieldprint/fieldprint.jar", "agent"]
CMD ["--config", "/etc/fieldprint/agent.yaml"]
