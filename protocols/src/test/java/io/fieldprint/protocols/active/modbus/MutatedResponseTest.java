package io.fieldprint.protocols.active.modbus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fieldprint.protocols.testing.ModbusTestServer;
import io.fieldprint.protocols.testing.ModbusTestServer.Answer;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Randomly damaged identification responses never throw and never overrun the budget. */
class MutatedResponseTest {

  private static final byte[] VALID =
      HexFormat.of().parseHex("0000000000120F" + "2B0E0101000003" + "000141" + "000142" + "000143");

  @Test
  void randomlyMutatedResponsesEndEveryProbeWithinItsBudgetWithoutThrowing() throws Exception {
    Random random = new Random(20261123L);
    AtomicReference<byte[]> current = new AtomicReference<>(VALID);
    ModbusTestServer.Responder responder =
        (unit, pdu) ->
            (pdu[0] & 0xFF) == 0x2B
                ? new Answer.Raw(current.get(), true)
                : new Answer.Pdu(new byte[] {(byte) 0x91, 0x01});
    try (ModbusTestServer server = ModbusTestServer.start(responder)) {
      for (int i = 0; i < 25; i++) {
        byte[] mutated = VALID.clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          mutated[2 + random.nextInt(mutated.length - 2)] = (byte) random.nextInt(256);
        }
        current.set(mutated);
        ProbeFixture f = ProbeFixture.run(server, "/15");

        assertTrue(
            f.report.requestsSent() <= ProbeFixture.FAST.modbusBudget(),
            "iteration " + i + ": " + f.report);
      }
    }
  }
}
