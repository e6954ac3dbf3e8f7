package io.fieldprint.protocols.active;

/**
 * An OPC UA service call as the gate sees it.
 *
 * @param service the Part 4 service
 * @param userIdentityToken the identity offered; meaningful for ActivateSession only, {@link
 *     UserTokenType#ANONYMOUS} for every other service
 */
public record OpcUaServiceRequest(OpcUaService service, UserTokenType userIdentityToken)
    implements ScanRequest {

  public OpcUaServiceRequest {
    if (service != OpcUaService.ACTIVATE_SESSION && userIdentityToken != UserTokenType.ANONYMOUS) {
      throw new IllegalArgumentException("a user identity token belongs to ActivateSession only");
    }
  }

  /** A call of {@code service}; ActivateSession with an anonymous token. */
  public static OpcUaServiceRequest of(OpcUaService service) {
    return new OpcUaServiceRequest(service, UserTokenType.ANONYMOUS);
  }

  /** ActivateSession offering {@code token}. */
  public static OpcUaServiceRequest activateSession(UserTokenType token) {
    return new OpcUaServiceRequest(OpcUaService.ACTIVATE_SESSION, token);
  }

  @Override
  public ScanProtocol protocol() {
    return ScanProtocol.OPC_UA;
  }

  @Override
  public String auditText() {
    return service == OpcUaService.ACTIVATE_SESSION
        ? service.serviceName() + " (" + userIdentityToken + ")"
        : service.serviceName();
  }
}
