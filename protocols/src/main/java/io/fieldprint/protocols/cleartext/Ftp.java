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
 * FTP control connections (TCP 21): a server greeting with an FTP reply line ({@code 220 ...}) is a
 * cleartext login service, rule {@code cleartext.ftp}; the greeting is kept (it often names the
 * server software). No content sniffing: SMTP greets the same way.
 */
public final class Ftp extends StreamProtocol {
  public static final String NAME = "ftp";
  public static final String RULE = "cleartext.ftp";

  /** The greeting line is looked for in this many bytes. */
  static final int MAX_GREETING = 512;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == 21;
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new Session(flow);
  }

  /** Whether the line starts with a three-digit reply code and a space or hyphen. */
  static boolean isReplyLine(String line) {
    return line.length() >= 4
        && Character.isDigit(line.charAt(0))
        && Character.isDigit(line.charAt(1))
        && Character.isDigit(line.charAt(2))
        && (line.charAt(3) == ' ' || line.charAt(3) == '-');
  }

  private static final class Session implements TcpSession {
    private final TcpFlow flow;
    private final StringBuilder line = new StringBuilder();
    private boolean done;

    Session(TcpFlow flow) {
      this.flow = flow;
    }

    @Override
    public void onPdu(PduContext ctx, ByteBuffer chunk) {
      if (done || !ctx.fromServer()) {
        return;
      }
      for (int i = chunk.position(); i < chunk.limit(); i++) {
        char c = (char) (chunk.get(i) & 0xFF);
        if (c == '\n' || line.length() >= MAX_GREETING) {
          done = true;
          onGreeting(ctx, BannerText.clean(line.toString()));
          return;
        }
        line.append(c);
      }
    }

    private void onGreeting(PduContext ctx, String greeting) {
      if (!isReplyLine(greeting)) {
        return;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("port", flow.server().port());
      fields.put("replyCode", Integer.parseInt(greeting.substring(0, 3)));
      fields.put("greeting", greeting);
      Evidence evidence = ServiceReport.evidence(ctx, "ftp.greeting", fields);
      ServiceReport.presence(ctx, flow, NAME, evidence);
      ServiceReport.finding(
          ctx,
          flow,
          RULE,
          Severity.MEDIUM,
          "FTP service: logins and files travel unencrypted",
          "FTP server on TCP port "
              + flow.server().port()
              + " greeted "
              + flow.client().ip()
              + " with \""
              + greeting
              + "\"; user names, passwords and files cross the network in clear.",
          evidence);
    }
  }
}
