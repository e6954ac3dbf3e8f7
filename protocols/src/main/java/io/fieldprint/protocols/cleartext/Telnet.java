package io.fieldprint.protocols.cleartext;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Severity;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Telnet (TCP 23): a server that sends anything is a cleartext login service, rule {@code
 * cleartext.telnet}. Nothing of what it sends is kept (banners can hold site details).
 */
public final class Telnet extends StreamProtocol {
  public static final String NAME = "telnet";
  public static final String RULE = "cleartext.telnet";
  static final int IAC = 0xFF;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == 23;
  }

  /** A server opening with option negotiation: IAC followed by WILL, WONT, DO or DONT. */
  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    int p = firstBytes.position();
    if (firstBytes.remaining() < 3 || (firstBytes.get(p) & 0xFF) != IAC) {
      return false;
    }
    int command = firstBytes.get(p + 1) & 0xFF;
    return command >= 0xFB && command <= 0xFE;
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new Session(flow);
  }

  private static final class Session implements TcpSession {
    private final TcpFlow flow;
    private boolean reported;

    Session(TcpFlow flow) {
      this.flow = flow;
    }

    @Override
    public void onPdu(PduContext ctx, ByteBuffer chunk) {
      if (reported || !ctx.fromServer() || !chunk.hasRemaining()) {
        return;
      }
      reported = true;
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("port", flow.server().port());
      fields.put("optionNegotiation", (chunk.get(chunk.position()) & 0xFF) == IAC);
      Evidence evidence = ServiceReport.evidence(ctx, "telnet.server", fields);
      ServiceReport.presence(ctx, flow, NAME, evidence);
      ServiceReport.finding(
          ctx,
          flow,
          RULE,
          Severity.MEDIUM,
          "Telnet service: logins and commands travel unencrypted",
          "Telnet server on TCP port "
              + flow.server().port()
              + " answered "
              + flow.client().ip()
              + "; anyone on the path can read credentials and commands.",
          evidence);
    }
  }
}
