package io.fieldprint.protocols.cleartext;

import io.fieldprint.protocols.decode.PacketContext;
import io.fieldprint.protocols.decode.Presence;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Severity;
import java.util.Map;

/**
 * Reports a cleartext service of the connection's server: its presence (so the service shows in the
 * inventory) and the posture finding, both on the same evidence.
 */
final class ServiceReport {
  private ServiceReport() {}

  static Evidence evidence(PacketContext ctx, String source, Map<String, Object> fields) {
    return new Evidence(source, ctx.timestamp(), ctx.origin(), fields);
  }

  static void presence(PacketContext ctx, TcpFlow flow, String protocol, Evidence evidence) {
    ctx.sink().observe(Presence.server(protocol, flow, Authority.DEVICE_REPORTED, evidence));
  }

  static void finding(
      PacketContext ctx,
      TcpFlow flow,
      String rule,
      Severity severity,
      String title,
      String detail,
      Evidence evidence) {
    ctx.sink()
        .finding(new Finding(flow.server().device(), rule, severity, title, detail, evidence));
  }
}
