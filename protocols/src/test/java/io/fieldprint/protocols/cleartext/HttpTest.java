package io.fieldprint.protocols.cleartext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTest {
  private final Http http = new Http();

  private static Pdu server(String text) {
    return Pdu.response(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Pdu client(String text) {
    return Pdu.request(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private RecordingSink run(Pdu... pdus) {
    return Robustness.run(http, 80, List.of(pdus));
  }

  private static List<Finding> rule(RecordingSink sink, String rule) {
    return sink.findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  private static final String OK =
      "HTTP/1.1 200 OK\r\nServer: Boa/0.94.13\r\nContent-Length: 5\r\n\r\nhello";
  private static final String CHALLENGE =
      "HTTP/1.1 401 Unauthorized\r\nServer: WAGO\r\nWWW-Authenticate: Basic realm=\"WAGO 750-881\"\r\n"
          + "Content-Length: 0\r\n\r\n";

  @Test
  void answeringServerIsOneLowFindingWithItsServerHeader() {
    RecordingSink sink = run(client("GET / HTTP/1.1\r\nHost: plc\r\n\r\n"), server(OK), server(OK));
    List<Finding> found = rule(sink, "cleartext.http");
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Severity.LOW, f.severity());
    assertEquals("10.0.0.2", f.subject().ip());
    assertEquals(
        Map.of(
            "port",
            80,
            "statusLine",
            "HTTP/1.1 200 OK",
            "statusCode",
            200,
            "server",
            "Boa/0.94.13"),
        f.evidence().fields());
    assertTrue(f.detail().contains("Server: Boa/0.94.13"), f.detail());
    assertEquals(1, sink.bySource("http.response").size());
    assertEquals("http", sink.bySource("http.response").get(0).protocol());
    assertTrue(rule(sink, "cleartext.http-basic-auth").isEmpty());
  }

  @Test
  void basicChallengeIsAMediumFindingWithTheRealm() {
    RecordingSink sink = run(client("GET / HTTP/1.1\r\n\r\n"), server(CHALLENGE));
    List<Finding> basic = rule(sink, "cleartext.http-basic-auth");
    assertEquals(1, basic.size());
    assertEquals(Severity.MEDIUM, basic.get(0).severity());
    assertEquals("WAGO 750-881", basic.get(0).evidence().fields().get("realm"));
    assertEquals("Basic", basic.get(0).evidence().fields().get("authenticationScheme"));
    assertTrue(basic.get(0).detail().contains("realm \"WAGO 750-881\""), basic.get(0).detail());
    assertEquals(1, rule(sink, "cleartext.http").size());
  }

  @Test
  void challengeOnALaterKeepAliveResponseIsFound() {
    RecordingSink sink =
        run(
            client("GET / HTTP/1.1\r\n\r\nGET /admin HTTP/1.1\r\n\r\n"),
            server(OK + CHALLENGE.substring(0, 40)),
            server(CHALLENGE.substring(40)));
    assertEquals(1, rule(sink, "cleartext.http-basic-auth").size());
    assertEquals(
        "test.pcap#frame=3", rule(sink, "cleartext.http-basic-auth").get(0).evidence().origin());
  }

  @Test
  void clientSendingBasicCredentialsIsFoundWithoutKeepingThem() {
    RecordingSink sink =
        run(
            client("GET /cgi HTTP/1.1\r\nAuthorization: Basic YWRtaW46c2VjcmV0\r\n\r\n"),
            server(OK));
    List<Finding> basic = rule(sink, "cleartext.http-basic-auth");
    assertEquals(1, basic.size());
    assertEquals("http.authorization", basic.get(0).evidence().source());
    assertFalse(basic.get(0).evidence().fields().toString().contains("YWRtaW46c2VjcmV0"));
    assertFalse(basic.get(0).detail().contains("YWRtaW46c2VjcmV0"));
    assertEquals("Basic", basic.get(0).evidence().fields().get("authorizationScheme"));
  }

  @Test
  void digestAndBearerAreNotBasic() {
    RecordingSink sink =
        run(
            client("GET / HTTP/1.1\r\nAuthorization: Bearer abc\r\n\r\n"),
            server(
                "HTTP/1.1 401 No\r\nWWW-Authenticate: Digest realm=\"x\"\r\nContent-Length: 0\r\n\r\n"));
    assertTrue(rule(sink, "cleartext.http-basic-auth").isEmpty());
  }

  @Test
  void chunkedBodyStopsTheScanCleanly() {
    RecordingSink sink =
        run(
            server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
            server(CHALLENGE));
    assertEquals(1, rule(sink, "cleartext.http").size());
    assertTrue(rule(sink, "cleartext.http-basic-auth").isEmpty());
    assertTrue(sink.warnings.isEmpty());
  }

  @Test
  void notModifiedHasNoBody() {
    RecordingSink sink = run(server("HTTP/1.1 304 Not Modified\r\nServer: x\r\n\r\n" + CHALLENGE));
    assertEquals(1, rule(sink, "cleartext.http-basic-auth").size());
  }

  @Test
  void headSplitAcrossChunksIsJoined() {
    List<Pdu> pdus = new ArrayList<>();
    for (char c : CHALLENGE.toCharArray()) {
      pdus.add(server(String.valueOf(c)));
    }
    RecordingSink sink = Robustness.run(http, 80, pdus);
    assertEquals(1, rule(sink, "cleartext.http-basic-auth").size());
    assertEquals(
        "Server: WAGO".substring(8),
        rule(sink, "cleartext.http").get(0).evidence().fields().get("server"));
  }

  @Test
  void somethingElseOnPort80IsNoFinding() {
    RecordingSink sink = run(server("SSH-2.0-dropbear\r\n\r\n"), server(OK));
    assertTrue(sink.findings.isEmpty());
  }

  @Test
  void oversizedHeadStopsTheScan() {
    String huge = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(HttpMessageScanner.MAX_HEAD) + "\r\n\r\n";
    assertTrue(run(server(huge)).findings.isEmpty());
  }

  @Test
  void headerValuesAreSanitisedAndCapped() {
    RecordingSink sink =
        run(server("HTTP/1.1 200 OK\r\nServer: a\u0001b" + "c".repeat(400) + "\r\n\r\n"));
    String serverHeader =
        (String) rule(sink, "cleartext.http").get(0).evidence().fields().get("server");
    assertEquals(BannerText.MAX_CHARS, serverHeader.length());
    assertTrue(serverHeader.startsWith("abccc"));
  }

  @Test
  void headParsingHelpers() {
    byte[] text =
        "HTTP/1.0 200 OK\r\nContent-Length: x\r\nA: 1\r\na: 2"
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpHead head = HttpHead.parse(text, text.length);
    assertEquals(200, head.statusCode());
    assertEquals(-1, head.bodyLength());
    assertEquals(List.of("1", "2"), head.all("a"));
    assertNull(HttpHead.parse("hello\r\n".getBytes(), 5));
    assertEquals("x y", Http.realm("Basic realm=\"x y\", charset=\"UTF-8\""));
    assertNull(Http.realm("Basic"));
  }

  @Test
  void sniffRecognisesRequestsAndResponses() {
    assertTrue(http.sniff(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
    assertTrue(http.sniff(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n".getBytes())));
    assertFalse(http.sniff(ByteBuffer.wrap("GE".getBytes())));
    assertFalse(http.sniff(ByteBuffer.wrap("220 ready".getBytes())));
    assertTrue(http.isWellKnownPort(80));
    assertTrue(http.isWellKnownPort(8080));
    assertFalse(http.isWellKnownPort(443));
  }

  @Test
  void mutationNeverThrows() {
    List<Pdu> talk =
        List.of(
            client("GET / HTTP/1.1\r\nAuthorization: Basic eA==\r\nContent-Length: 2\r\n\r\nab"),
            server(OK),
            server(CHALLENGE));
    Robustness.mutate(http, 80, talk, 80L, 5000);
    assertEquals(3, talk.size());
  }
}
