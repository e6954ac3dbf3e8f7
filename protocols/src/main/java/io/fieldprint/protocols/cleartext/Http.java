package io.fieldprint.protocols.cleartext;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Severity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP (TCP 80 and 8080, or any port where the content looks like HTTP/1.x): a server that
 * answers is a web interface without TLS, rule {@code cleartext.http} (its {@code Server} header is
 * kept); HTTP Basic authentication over it, asked for by the server ({@code WWW-Authenticate:
 * Basic}) or sent by a client ({@code Authorization: Basic}, whose value is never kept), is rule
 * {@code cleartext.http-basic-auth}. Each is reported once per connection.
 */
public final class Http extends StreamProtocol {
  public static final String NAME = "http";
  public static final String RULE = "cleartext.http";
  public static final String RULE_BASIC_AUTH = "cleartext.http-basic-auth";
  private static final Pattern REALM =
      Pattern.compile("realm=\"?([^\",]*)", Pattern.CASE_INSENSITIVE);
  private static final String[] STARTS = {
    "HTTP/1.",
    "GET ",
    "POST ",
    "HEAD ",
    "PUT ",
    "DELETE ",
    "OPTIONS ",
    "PATCH ",
    "CONNECT ",
    "TRACE "
  };

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isWellKnownPort(int port) {
    return port == 80 || port == 8080;
  }

  @Override
  public boolean sniff(ByteBuffer firstBytes) {
    int p = firstBytes.position();
    for (String start : STARTS) {
      if (firstBytes.remaining() >= start.length() && startsWith(firstBytes, p, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(ByteBuffer b, int p, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < expected.length; i++) {
      if (b.get(p + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public TcpSession openSession(TcpFlow flow) {
    return new Session(flow);
  }

  static String realm(String challenge) {
    Matcher m = REALM.matcher(challenge);
    return m.find() ? BannerText.clean(m.group(1)) : null;
  }

  static boolean isBasic(String credentialsOrChallenge) {
    return credentialsOrChallenge.toLowerCase(Locale.ROOT).startsWith("basic");
  }

  private static final class Session implements TcpSession {
    private final TcpFlow flow;
    private final HttpMessageScanner requests = new HttpMessageScanner();
    private final HttpMessageScanner responses = new HttpMessageScanner();
    private boolean serverReported;
    private boolean basicReported;

    Session(TcpFlow flow) {
      this.flow = flow;
    }

    @Override
    public void onPdu(PduContext ctx, ByteBuffer chunk) {
      HttpMessageScanner scanner = ctx.fromServer() ? responses : requests;
      if (!scanner.stopped()) {
        scanner.feed(chunk, head -> onHead(ctx, head));
      }
      if (serverReported && basicReported) {
        requests.stop();
        responses.stop();
      }
    }

    @Override
    public void onGap(PduContext ctx, long missingBytes) {
      (ctx.fromServer() ? responses : requests).stop();
    }

    private void onHead(PduContext ctx, HttpHead head) {
      if (ctx.fromServer() && head.isResponse()) {
        onResponse(ctx, head);
      } else if (!ctx.fromServer() && !head.isResponse() && !basicReported) {
        String authorization = head.first("authorization");
        if (authorization != null && isBasic(authorization)) {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("port", flow.server().port());
          fields.put("authorizationScheme", "Basic");
          fields.put("client", flow.client().ip());
          reportBasic(
              ctx,
              ServiceReport.evidence(ctx, "http.authorization", fields),
              flow.client().ip()
                  + " sent HTTP Basic credentials to TCP port "
                  + flow.server().port());
        }
      }
    }

    private void onResponse(PduContext ctx, HttpHead head) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("port", flow.server().port());
      fields.put("statusLine", head.startLine());
      fields.put("statusCode", head.statusCode());
      String server = head.first("server");
      if (server != null) {
        fields.put("server", server);
      }
      String challenge = null;
      for (String value : head.all("www-authenticate")) {
        if (isBasic(value)) {
          challenge = value;
          fields.put("authenticationScheme", "Basic");
          String realm = realm(value);
          if (realm != null) {
            fields.put("realm", realm);
          }
          break;
        }
      }
      Evidence evidence = ServiceReport.evidence(ctx, "http.response", fields);
      if (!serverReported) {
        serverReported = true;
        ServiceReport.presence(ctx, flow, NAME, evidence);
        ServiceReport.finding(
            ctx,
            flow,
            RULE,
            Severity.LOW,
            "Web interface without TLS",
            "HTTP server on TCP port "
                + flow.server().port()
                + " answered "
                + flow.client().ip()
                + " (\""
                + head.startLine()
                + "\""
                + (server == null ? "" : ", Server: " + server)
                + ") without TLS; pages, sessions and passwords are readable on the path.",
            evidence);
      }
      if (challenge != null && !basicReported) {
        reportBasic(
            ctx,
            evidence,
            "Server on TCP port "
                + flow.server().port()
                + " asks for HTTP Basic credentials"
                + (fields.containsKey("realm") ? " (realm \"" + fields.get("realm") + "\")" : ""));
      }
    }

    private void reportBasic(PduContext ctx, Evidence evidence, String what) {
      basicReported = true;
      ServiceReport.finding(
          ctx,
          flow,
          RULE_BASIC_AUTH,
          Severity.MEDIUM,
          "HTTP Basic authentication without TLS",
          what
              + " over plain HTTP; Basic credentials are only base64-encoded and readable on the path.",
          evidence);
    }
  }
}
