#!/bin/sh
# Starts the demo agent: waits for the plant's target list, writes the agent configuration with a
# scan section for exactly those targets, and runs the agent in place of this shell.
set -eu
targets=/run/plant/targets
i=0
until [ -s "$targets" ]; do
  i=$((i + 1))
  [ "$i" -le 120 ] || { echo "demo-agent: no plant targets in $targets after 60 s" >&2; exit 1; }
  sleep 0.5
done
config=/tmp/agent.yaml
cp /etc/fieldprint/agent.yaml "$config"
{
  echo "scan:"
  echo "  allow: [127.0.0.0/24]"
  echo "  targets:"
  sed 's/^/    - /' "$targets"
  echo "  interval: 10m"
} >> "$config"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -Xss512k -XX:+ExitOnOutOfMemoryError -Dfieldprint.home=/opt/fieldprint -jar /opt/fieldprint/fieldprint.jar agent --config "$config"
