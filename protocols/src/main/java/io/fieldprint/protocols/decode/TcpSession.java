package io.fieldprint.protocols.decode;

import java.nio.ByteBuffer;

/** Per-connection decoder state for one {@link TcpProtocol}. */
public interface TcpSession {

  /**
   * One complete PDU, exactly as long as {@link TcpProtocol#pduLength} said. The buffer is only
   * valid during the call.
   */
  void onPdu(PduContext context, ByteBuffer pdu);

  /**
   * Bytes in one direction were lost (not captured); PDUs that spanned the gap were dropped.
   * Sessions drop request state that can no longer be paired.
   */
  default void onGap(PduContext context, long missingBytes) {}

  /** The connection ended or was evicted. */
  default void onClose() {}
}
