package io.fieldprint.protocols.profinet;

/**
 * The PROFINET DCP header that follows the FrameID (IEC 61158-6-10; layout as in Wireshark's
 * packet-pn-dcp.c).
 *
 * @param frameId FrameID u16: 0xFEFC Hello, 0xFEFD Get/Set, 0xFEFE Identify request, 0xFEFF
 *     Identify response
 * @param serviceId ServiceID u8: 3 Get, 4 Set, 5 Identify, 6 Hello
 * @param serviceType ServiceType u8: 0 request, 1 response success, 5 response "not supported"
 * @param xid Xid u32, pairs a response with its request
 * @param responseDelay ResponseDelay u16 (Identify requests) or the reserved u16 of other PDUs
 * @param dataLength DCPDataLength u16: bytes of blocks that follow
 */
public record DcpHeader(
    int frameId, int serviceId, int serviceType, long xid, int responseDelay, int dataLength) {

  /** Header bytes after the FrameID. */
  public static final int LENGTH = 10;

  public static final int SERVICE_GET = 3;
  public static final int SERVICE_SET = 4;
  public static final int SERVICE_IDENTIFY = 5;
  public static final int SERVICE_HELLO = 6;

  /** Whether the PDU is a response (success or "not supported"). */
  public boolean isResponse() {
    return serviceType == 1 || serviceType == 5;
  }

  /**
   * Whether blocks carry a BlockInfo u16: Identify and Get responses and Hello requests, which
   * describe the sender.
   */
  public boolean blocksHaveBlockInfo() {
    return (isResponse() && (serviceId == SERVICE_IDENTIFY || serviceId == SERVICE_GET))
        || (!isResponse() && serviceId == SERVICE_HELLO);
  }

  /** Whether blocks carry a BlockQualifier u16: Set requests. */
  public boolean blocksHaveBlockQualifier() {
    return !isResponse() && serviceId == SERVICE_SET;
  }

  /** Whether the blocks are bare option/suboption selectors: Get requests. */
  public boolean blocksAreSelectors() {
    return !isResponse() && serviceId == SERVICE_GET;
  }

  /** Service name for evidence ids: get, set, identify, hello or service-N. */
  public String serviceName() {
    return switch (serviceId) {
      case SERVICE_GET -> "get";
      case SERVICE_SET -> "set";
      case SERVICE_IDENTIFY -> "identify";
      case SERVICE_HELLO -> "hello";
      default -> "service-" + serviceId;
    };
  }
}
