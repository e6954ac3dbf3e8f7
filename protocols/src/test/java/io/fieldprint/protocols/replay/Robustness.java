package io.fieldprint.protocols.replay;

import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpProtocol;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.testing.RecordingSink;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Drives a {@link TcpProtocol} with damaged input; any exception fails the calling test. */
public final class Robustness {
  private Robustness() {}

  /** Feeds {@code pdus} in order to a fresh session and closes it. */
  public static RecordingSink run(TcpProtocol protocol, int serverPort, List<Pdu> pdus) {
    RecordingSink sink = new RecordingSink();
    TcpFlow flow = FakePduContext.flow(serverPort);
    TcpSession session = protocol.openSession(flow);
    int frame = 1;
    for (Pdu pdu : pdus) {
      ByteBuffer buffer = ByteBuffer.wrap(pdu.bytes()).asReadOnlyBuffer();
      protocol.pduLength(buffer.duplicate());
      FakePduContext ctx =
          pdu.fromServer()
              ? FakePduContext.fromServer(flow, sink, frame)
              : FakePduContext.toServer(flow, sink, frame);
      session.onPdu(ctx, buffer);
      frame++;
    }
    session.onClose();
    return sink;
  }

  /**
   * For every PDU and every shorter length: replays the exchange with that PDU cut to that length.
   * Returns how many of the runs produced at least one warning.
   */
  public static int truncateEveryLength(TcpProtocol protocol, int serverPort, List<Pdu> pdus) {
    int warned = 0;
    for (int i = 0; i < pdus.size(); i++) {
      Pdu whole = pdus.get(i);
      for (int length = 0; length < whole.bytes().length; length++) {
        Pdu cut = new Pdu(whole.fromServer(), Arrays.copyOf(whole.bytes(), length));
        List<Pdu> damaged = new java.util.ArrayList<>(pdus.subList(0, i));
        damaged.add(cut);
        if (!run(protocol, serverPort, damaged).warnings.isEmpty()) {
          warned++;
        }
      }
    }
    return warned;
  }

  /**
   * {@code iterations} runs of the exchange with random bytes flipped, PDUs cut or extended with
   * random bytes.
   */
  public static void mutate(
      TcpProtocol protocol, int serverPort, List<Pdu> pdus, long seed, int iterations) {
    Random random = new Random(seed);
    for (int n = 0; n < iterations; n++) {
      List<Pdu> damaged = pdus.stream().map(p -> mutate(p, random)).toList();
      run(protocol, serverPort, damaged);
    }
  }

  private static Pdu mutate(Pdu pdu, Random random) {
    byte[] b = pdu.bytes().clone();
    int choice = random.nextInt(4);
    if (choice == 0 && b.length > 0) {
      b = Arrays.copyOf(b, random.nextInt(b.length));
    } else if (choice == 1) {
      int extra = random.nextInt(16);
      b = Arrays.copyOf(b, b.length + extra);
      for (int i = b.length - extra; i < b.length; i++) {
        b[i] = (byte) random.nextInt(256);
      }
    }
    int flips = b.length == 0 ? 0 : 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      b[random.nextInt(b.length)] = (byte) random.nextInt(256);
    }
    return new Pdu(pdu.fromServer(), b);
  }
}
