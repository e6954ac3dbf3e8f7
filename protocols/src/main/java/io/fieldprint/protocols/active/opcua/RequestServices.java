package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.active.OpcUaService;
import io.fieldprint.protocols.active.OpcUaServiceRequest;
import io.fieldprint.protocols.active.UserTokenType;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest;

/**
 * Names the Part 4 service a Milo request message calls, as the gate sees it: the message class
 * {@code <Service>Request} names the service; ActivateSession also carries the identity token type
 * (from the token's encoding id).
 */
final class RequestServices {

  private RequestServices() {}

  /** The gate's view of {@code request}; empty if it is no Part 4 service request. */
  static Optional<OpcUaServiceRequest> of(UaRequestMessageType request) {
    String name = request.getClass().getSimpleName();
    if (!name.endsWith("Request")) {
      return Optional.empty();
    }
    String serviceName = name.substring(0, name.length() - "Request".length());
    for (OpcUaService service : OpcUaService.values()) {
      if (service.serviceName().equals(serviceName)) {
        return Optional.of(forService(service, request));
      }
    }
    return Optional.empty();
  }

  private static OpcUaServiceRequest forService(
      OpcUaService service, UaRequestMessageType request) {
    if (request instanceof ActivateSessionRequest activate) {
      return OpcUaServiceRequest.activateSession(tokenType(activate.getUserIdentityToken()));
    }
    return OpcUaServiceRequest.of(service);
  }

  /** The token type; an unrecognised token counts as an issued token (never as anonymous). */
  static UserTokenType tokenType(ExtensionObject token) {
    if (token == null || token.isNull()) {
      return UserTokenType.ISSUED_TOKEN;
    }
    NodeId id = token.getEncodingOrTypeId();
    if (NodeIds.AnonymousIdentityToken_Encoding_DefaultBinary.equals(id)
        || NodeIds.AnonymousIdentityToken.equals(id)) {
      return UserTokenType.ANONYMOUS;
    }
    if (NodeIds.UserNameIdentityToken_Encoding_DefaultBinary.equals(id)) {
      return UserTokenType.USERNAME;
    }
    if (NodeIds.X509IdentityToken_Encoding_DefaultBinary.equals(id)) {
      return UserTokenType.CERTIFICATE;
    }
    return UserTokenType.ISSUED_TOKEN;
  }
}
