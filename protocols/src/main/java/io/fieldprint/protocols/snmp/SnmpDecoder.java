package io.fieldprint.protocols.snmp;

import io.fieldprint.protocols.decode.DatagramContext;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.Endpoint;
import io.fieldprint.protocols.decode.UdpProtocol;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.sysdescr.SystemDescriptions;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNMP over UDP (161 agent, 162 notifications). Responses from port 161 describe the agent that
 * sent them; traps and informs describe their sender; requests only name the manager, which is not
 * a device claim and is not reported. SNMPv3 messages from an agent give its engine id.
 *
 * <p>Findings, once per agent: {@code snmp.cleartext-community} (v1/v2c in use) and {@code
 * snmp.default-community} (the agent answered a well-known default community).
 */
public final class SnmpDecoder implements UdpProtocol {
  static final int AGENT_PORT = 161;
  static final int TRAP_PORT = 162;
  private static final String PROTOCOL = "snmp";
  private static final int REMEMBERED = 4096;

  private final SnmpIdentity identities;
  private final OncePerKey once = new OncePerKey(REMEMBERED);

  public SnmpDecoder() {
    this(new SnmpIdentity(SystemDescriptions.shipped(), SnmpEnterprises.shipped()));
  }

  SnmpDecoder(SnmpIdentity identities) {
    this.identities = identities;
  }

  @Override
  public String name() {
    return PROTOCOL;
  }

  @Override
  public boolean accepts(int sourcePort, int destinationPort) {
    return sourcePort == AGENT_PORT
        || destinationPort == AGENT_PORT
        || sourcePort == TRAP_PORT
        || destinationPort == TRAP_PORT;
  }

  @Override
  public void onDatagram(DatagramContext ctx, ByteBuffer payload) {
    SnmpParser.Result result = SnmpParser.parse(payload);
    if (result instanceof SnmpParser.Malformed m) {
      ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, m.reason()));
    } else if (result instanceof SnmpParser.Community c) {
      community(ctx, c.message());
    } else if (result instanceof SnmpParser.V3 v3 && ctx.source().port() == AGENT_PORT) {
      v3(ctx, v3.header());
    }
  }

  private void community(DatagramContext ctx, SnmpMessage m) {
    boolean fromAgent = m.pduType() == SnmpMessage.RESPONSE && ctx.source().port() == AGENT_PORT;
    boolean notification =
        m.pduType() == SnmpMessage.TRAP_V1
            || m.pduType() == SnmpMessage.TRAP_V2
            || m.pduType() == SnmpMessage.INFORM;
    if (!fromAgent && !notification) {
      return;
    }
    Endpoint sender = ctx.source();
    DeviceRef subject = sender.device();
    Map<String, Object> fields = SnmpFields.of(m, sender);
    Identity identity = identities.of(m);
    String source = "snmp." + m.pduName();
    Evidence evidence = new Evidence(source, ctx.timestamp(), ctx.origin(), fields);
    if (!identity.isEmpty() || notification || once.first("presence " + subject)) {
      ctx.sink()
          .observe(
              new Observation(PROTOCOL, subject, identity, Authority.DEVICE_REPORTED, evidence));
    }
    findings(ctx, m, subject, fromAgent, evidence);
  }

  private void findings(
      DatagramContext ctx, SnmpMessage m, DeviceRef subject, boolean answered, Evidence evidence) {
    String version = m.version() == 0 ? "SNMPv1" : "SNMPv2c";
    String shown = Communities.display(m.community());
    boolean wellKnown = Communities.isWellKnown(m.community());
    if (once.first("snmp.cleartext-community " + subject)) {
      String detail =
          version
              + " "
              + m.pduName()
              + " with community "
              + shown
              + (wellKnown ? " (a well-known default)" : " (masked)")
              + "; the community travels in clear text and can be sniffed and replayed";
      ctx.sink()
          .finding(
              new Finding(
                  subject,
                  "snmp.cleartext-community",
                  Severity.MEDIUM,
                  "SNMP with a clear-text community (" + version + ")",
                  detail,
                  evidence));
    }
    if (answered && wellKnown && once.first("snmp.default-community " + subject)) {
      String detail =
          "the agent answered a "
              + version
              + " request using the default community \""
              + m.community()
              + "\"";
      ctx.sink()
          .finding(
              new Finding(
                  subject,
                  "snmp.default-community",
                  Severity.HIGH,
                  "SNMP agent accepts a default community",
                  detail,
                  evidence));
    }
  }

  private void v3(DatagramContext ctx, SnmpV3Header h) {
    DeviceRef subject = ctx.source().device();
    if (h.engineIdInfo() == null && !once.first("v3 " + subject)) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("snmpVersion", 3);
    fields.put("msgId", h.msgId());
    fields.put("msgFlags", h.flags());
    fields.put("securityModel", h.securityModel());
    if (h.engineId() != null) {
      fields.put("engineId", h.engineId());
    }
    if (h.engineIdInfo() != null) {
      fields.put("engineEnterprise", h.engineIdInfo().enterprise());
      fields.put("engineIdFormat", h.engineIdInfo().format());
      fields.put("engineIdData", h.engineIdInfo().data());
    }
    if (h.engineBoots() >= 0) {
      fields.put("engineBoots", h.engineBoots());
      fields.put("engineTime", h.engineTime());
    }
    Identity identity = identities.ofEngine(h.engineIdInfo());
    Evidence evidence = new Evidence("snmp.v3-message", ctx.timestamp(), ctx.origin(), fields);
    ctx.sink()
        .observe(new Observation(PROTOCOL, subject, identity, Authority.DEVICE_REPORTED, evidence));
  }
}
