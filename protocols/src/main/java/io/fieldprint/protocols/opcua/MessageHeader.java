package io.fieldprint.protocols.opcua;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 8-byte header of every UA TCP message and secure-conversation chunk (Part 6 §7.1.2.2 and
 * §6.7.2.2): MessageType 3 ASCII bytes ({@code HEL ACK ERR RHE OPN MSG CLO}), ChunkType 1 ASCII
 * byte ({@code F} final, {@code C} intermediate, {@code A} abort; only {@code MSG} may use C and
 * A), MessageSize UInt32 counting the whole chunk including this header.
 *
 * @param messageType one of the {@code *_TYPE} codes
 * @param chunkType {@code 'F'}, {@code 'C'} or {@code 'A'}
 * @param messageSize whole chunk length in bytes
 */
public record MessageHeader(int messageType, char chunkType, long messageSize) {
  public static final int LENGTH = 8;

  public static final int HEL = code('H', 'E', 'L');
  public static final int ACK = code('A', 'C', 'K');
  public static final int ERR = code('E', 'R', 'R');
  public static final int RHE = code('R', 'H', 'E');
  public static final int OPN = code('O', 'P', 'N');
  public static final int MSG = code('M', 'S', 'G');
  public static final int CLO = code('C', 'L', 'O');

  private static int code(char a, char b, char c) {
    return (a << 16) | (b << 8) | c;
  }

  /** The three letters of a message type code. */
  public static String typeName(int type) {
    return "" + (char) (type >> 16) + (char) ((type >> 8) & 0xFF) + (char) (type & 0xFF);
  }

  /** The message type at {@code p}, or -1 when the three bytes are not a known type. */
  static int typeAt(ByteBuffer b, int p) {
    int type = ((b.get(p) & 0xFF) << 16) | ((b.get(p + 1) & 0xFF) << 8) | (b.get(p + 2) & 0xFF);
    return type == HEL
            || type == ACK
            || type == ERR
            || type == RHE
            || type == OPN
            || type == MSG
            || type == CLO
        ? type
        : -1;
  }

  /** Whether {@code chunk} is allowed for {@code type}: F always, C and A only for MSG. */
  static boolean chunkAllowed(int type, int chunk) {
    return chunk == 'F' || (type == MSG && (chunk == 'C' || chunk == 'A'));
  }

  /** Fewest bytes a well-formed message of {@code type} takes, header included. */
  static int minimumSize(int type) {
    if (type == HEL) {
      return LENGTH + 20 + 4;
    }
    if (type == ACK) {
      return LENGTH + 20;
    }
    if (type == ERR || type == RHE) {
      return LENGTH + 8;
    }
    if (type == OPN) {
      return LENGTH + 4 + 12 + 8;
    }
    return LENGTH + 8 + 8;
  }

  /** MessageSize at {@code p} (UInt32, little-endian). */
  static long sizeAt(ByteBuffer b, int p) {
    return uint32At(b, p + 4);
  }

  /** A little-endian UInt32 at absolute index {@code p} (the caller ensures 4 bytes exist). */
  static long uint32At(ByteBuffer b, int p) {
    int raw = b.getInt(p);
    return (b.order() == ByteOrder.LITTLE_ENDIAN ? raw : Integer.reverseBytes(raw)) & 0xFFFF_FFFFL;
  }

  /**
   * Why the 8 bytes at {@code p} (the caller ensures they exist) cannot start a message, or {@code
   * null} when they can. Allocates nothing for a valid header.
   */
  static String problem(ByteBuffer b, int p, int maxChunkBytes) {
    int type = typeAt(b, p);
    if (type < 0) {
      return "unknown message type";
    }
    int chunk = b.get(p + 3) & 0xFF;
    if (!chunkAllowed(type, chunk)) {
      return "chunk type 0x" + Integer.toHexString(chunk) + " for " + typeName(type);
    }
    long size = sizeAt(b, p);
    if (size < minimumSize(type) || size > maxChunkBytes) {
      return typeName(type) + " MessageSize " + size + " out of range";
    }
    return null;
  }

  /**
   * Checks the 8 bytes at {@code p} (the caller ensures they exist): the parsed header, or a
   * Malformed result saying why these bytes cannot start a message.
   */
  public static Parsed<MessageHeader> at(ByteBuffer b, int p, int maxChunkBytes) {
    String problem = problem(b, p, maxChunkBytes);
    if (problem != null) {
      return new Parsed.Malformed<>(problem);
    }
    return new Parsed.Ok<>(new MessageHeader(typeAt(b, p), (char) b.get(p + 3), sizeAt(b, p)));
  }
}
