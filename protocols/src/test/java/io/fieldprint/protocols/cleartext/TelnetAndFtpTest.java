package io.fieldprint.protocols.cleartext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Severity;
import io.fieldprint.protocols.replay.Bytes;
import io.fieldprint.protocols.replay.Pdu;
import io.fieldprint.protocols.replay.Robustness;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelnetAndFtpTest {
  private final Telnet telnet = new Telnet();
  private final Ftp ftp = new Ftp();

  private static Pdu server(String text) {
    return Pdu.response(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Pdu client(String text) {
    return Pdu.request(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void streamChunksAreWhateverIsThereUpToTheCap() {
    TcpProtocol p = new Telnet();
    assertEquals(TcpProtocol.NEED_MORE, p.pduLength(ByteBuffer.allocate(0)));
    assertEquals(5, p.pduLength(ByteBuffer.wrap(new byte[5])));
    assertEquals(StreamProtocol.MAX_CHUNK, p.pduLength(ByteBuffer.wrap(new byte[10_000])));
    ByteBuffer b = ByteBuffer.wrap(new byte[10]);
    b.position(4);
    assertEquals(6, p.pduLength(b));
    assertEquals(4, b.position());
    assertEquals(StreamProtocol.MAX_CHUNK, p.maxPduLength());
  }

  @Test
  void telnetServerThatAnswersIsOneMediumFinding() {
    RecordingSink sink =
        Robustness.run(
            telnet,
            23,
            List.of(
                Pdu.response(Bytes.hex("fffd18 fffd20 fffd23")),
                client("\u00ff\u00fb\u0018"),
                server("login: "),
                server("Password: ")));
    assertEquals(1, sink.findings.size());
    Finding f = sink.findings.get(0);
    assertEquals("cleartext.telnet", f.rule());
    assertEquals(Severity.MEDIUM, f.severity());
    assertEquals("10.0.0.2", f.subject().ip());
    assertTrue(f.detail().contains("TCP port 23"), f.detail());
    assertEquals(Map.of("port", 23, "optionNegotiation", true), f.evidence().fields());
    assertEquals("test.pcap#frame=1", f.evidence().origin());
    List<Observation> presence = sink.bySource("telnet.server");
    assertEquals(1, presence.size());
    assertEquals("telnet", presence.get(0).protocol());
  }

  @Test
  void telnetClientAloneIsNoFinding() {
    RecordingSink sink = Robustness.run(telnet, 23, List.of(client("hello")));
    assertTrue(sink.findings.isEmpty());
    assertTrue(sink.observations.isEmpty());
  }

  @Test
  void telnetSniffNeedsOptionNegotiation() {
    assertTrue(telnet.sniff(ByteBuffer.wrap(Bytes.hex("fffb01"))));
    assertFalse(telnet.sniff(ByteBuffer.wrap(Bytes.hex("fff101"))));
    assertFalse(telnet.sniff(ByteBuffer.wrap("login:".getBytes())));
    assertTrue(telnet.isWellKnownPort(23));
  }

  @Test
  void ftpGreetingIsKeptInTheFinding() {
    RecordingSink sink =
        Robustness.run(
            ftp,
            21,
            List.of(
                server("220 VxWorks FTP ser"),
                server("ver (VxWorks 6.4) ready.\r\n"),
                client("USER target\r\n"),
                server("331 Password required\r\n")));
    assertEquals(1, sink.findings.size());
    Finding f = sink.findings.get(0);
    assertEquals("cleartext.ftp", f.rule());
    assertEquals(Severity.MEDIUM, f.severity());
    assertEquals(
        "220 VxWorks FTP server (VxWorks 6.4) ready.", f.evidence().fields().get("greeting"));
    assertEquals(220, f.evidence().fields().get("replyCode"));
    assertEquals(21, f.evidence().fields().get("port"));
    assertEquals("test.pcap#frame=2", f.evidence().origin());
    assertTrue(f.detail().contains("VxWorks 6.4"), f.detail());
    assertEquals(1, sink.bySource("ftp.greeting").size());
    assertEquals("ftp", sink.bySource("ftp.greeting").get(0).protocol());
  }

  @Test
  void multiLineGreetingKeepsTheFirstLine() {
    RecordingSink sink =
        Robustness.run(ftp, 21, List.of(server("220-Welcome\r\n220-to the PLC\r\n220 ready\r\n")));
    assertEquals("220-Welcome", sink.findings.get(0).evidence().fields().get("greeting"));
  }

  @Test
  void serverThatDoesNotSpeakFtpIsNoFinding() {
    assertTrue(
        Robustness.run(ftp, 21, List.of(server("SSH-2.0-OpenSSH_8.4\r\n"))).findings.isEmpty());
    assertTrue(Robustness.run(ftp, 21, List.of(server("22\r\n"))).findings.isEmpty());
  }

  @Test
  void greetingWithoutLineEndStopsAtTheLimitAndIsCapped() {
    RecordingSink sink = Robustness.run(ftp, 21, List.of(server("220 " + "x".repeat(2000))));
    String greeting = (String) sink.findings.get(0).evidence().fields().get("greeting");
    assertEquals(BannerText.MAX_CHARS, greeting.length());
  }

  @Test
  void greetingControlCharactersAreDropped() {
    RecordingSink sink = Robustness.run(ftp, 21, List.of(server("220 a\u0007b\u001b[31mc\r\n")));
    assertEquals("220 ab[31mc", sink.findings.get(0).evidence().fields().get("greeting"));
  }

  @Test
  void ftpHasNoContentSniffing() {
    assertFalse(ftp.sniff(ByteBuffer.wrap("220 mail.example ESMTP\r\n".getBytes())));
    assertTrue(ftp.isWellKnownPort(21));
  }

  @Test
  void mutationNeverThrows() {
    List<Pdu> ftpTalk =
        List.of(server("220 ready\r\n"), client("USER a\r\n"), server("331 ok\r\n"));
    Robustness.mutate(ftp, 21, ftpTalk, 21L, 3000);
    List<Pdu> telnetTalk = List.of(Pdu.response(Bytes.hex("fffd18")), server("login: "));
    Robustness.mutate(telnet, 23, telnetTalk, 23L, 3000);
    assertEquals(3, ftpTalk.size());
  }
}
