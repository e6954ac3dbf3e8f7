package io.fieldprint.protocols.active;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only allowlist — the one place that says which requests may ever leave the process.
 * Anything not listed is refused with a reason.
 *
 * <ul>
 *   <li>Modbus: FC 43 with MEI type 14 and ReadDevIdCode 1–4 (Read Device Identification), FC 17
 *       (Report Server ID). Unit id 0 (serial broadcast) is allowed for these two only.
 *   <li>OPC UA: GetEndpoints, FindServers, OpenSecureChannel, CloseSecureChannel, CreateSession,
 *       ActivateSession (anonymous only, unless credentials were configured), CloseSession, Read,
 *       Browse, BrowseNext, TranslateBrowsePathsToNodeIds.
 * </ul>
 *
 * @param credentialsConfigured whether the operator configured OPC UA user credentials; only then
 *     may ActivateSession offer a non-anonymous token
 */
public record RequestPolicy(boolean credentialsConfigured) {

  /** The OPC UA services that only read or manage the scanner's own session. */
  public static final Set<OpcUaService> ALLOWED_OPC_UA_SERVICES =
      Set.copyOf(
          EnumSet.of(
              OpcUaService.GET_ENDPOINTS,
              OpcUaService.FIND_SERVERS,
              OpcUaService.OPEN_SECURE_CHANNEL,
              OpcUaService.CLOSE_SECURE_CHANNEL,
              OpcUaService.CREATE_SESSION,
              OpcUaService.ACTIVATE_SESSION,
              OpcUaService.CLOSE_SESSION,
              OpcUaService.READ,
              OpcUaService.BROWSE,
              OpcUaService.BROWSE_NEXT,
              OpcUaService.TRANSLATE_BROWSE_PATHS_TO_NODE_IDS));

  /** Anonymous sessions only. */
  public static RequestPolicy anonymousOnly() {
    return new RequestPolicy(false);
  }

  /** Why {@code request} must not be sent, or empty if the allowlist permits it. */
  public Optional<String> refusal(ScanRequest request) {
    if (request instanceof ModbusRequest modbus) {
      return modbusRefusal(modbus);
    }
    return opcUaRefusal((OpcUaServiceRequest) request);
  }

  private static Optional<String> modbusRefusal(ModbusRequest request) {
    int fc = request.functionCode();
    if (fc == ModbusRequest.REPORT_SERVER_ID) {
      return Optional.empty();
    }
    if (fc != ModbusRequest.ENCAPSULATED_INTERFACE_TRANSPORT) {
      return Optional.of(
          String.format(
              "Modbus function code %d (0x%02X) is not on the read-only allowlist (only 43/14 and 17)",
              fc, fc));
    }
    ModbusRequest.Mei mei = request.mei().orElseThrow();
    if (mei.meiType() != ModbusRequest.READ_DEVICE_IDENTIFICATION) {
      return Optional.of(
          String.format(
              "Modbus FC 43 MEI type %d (0x%02X) is not allowed (only 14, Read Device Identification)",
              mei.meiType(), mei.meiType()));
    }
    if (mei.readDevIdCode() < 1 || mei.readDevIdCode() > 4) {
      return Optional.of("Modbus FC 43/14 ReadDevIdCode " + mei.readDevIdCode() + " is not 1-4");
    }
    return Optional.empty();
  }

  private Optional<String> opcUaRefusal(OpcUaServiceRequest request) {
    OpcUaService service = request.service();
    if (!ALLOWED_OPC_UA_SERVICES.contains(service)) {
      return Optional.of(
          "OPC UA "
              + service.serviceName()
              + " ("
              + service.serviceSet()
              + " service set) is not on the read-only allowlist");
    }
    if (service == OpcUaService.ACTIVATE_SESSION
        && request.userIdentityToken() != UserTokenType.ANONYMOUS
        && !credentialsConfigured) {
      return Optional.of(
          "OPC UA ActivateSession with a "
              + request.userIdentityToken()
              + " token is refused: no credentials were configured (anonymous only)");
    }
    return Optional.empty();
  }
}
