package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.PduContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes complete plaintext service messages by their encoding id and hands the results to the
 * reporters; pairs the requests whose responses need them (Read of ServerStatus nodes,
 * ActivateSession) by SecureChannelId and RequestId. Services it does not decode are skipped after
 * reading the encoding id.
 */
final class ServiceDispatcher {
  private final OpcUaReporter reporter;
  private final ServerDescriptionReporter servers;
  private final PendingRequests pending;

  ServiceDispatcher(
      OpcUaReporter reporter, ServerDescriptionReporter servers, PendingRequests pending) {
    this.reporter = reporter;
    this.servers = servers;
    this.pending = pending;
  }

  /** Whether a message with this encoding id is decoded (and so worth reassembling). */
  static boolean decodes(int encodingId) {
    switch (encodingId) {
      case 425: // FindServersResponse
      case 431: // GetEndpointsResponse
      case 461: // CreateSessionRequest
      case 464: // CreateSessionResponse
      case 467: // ActivateSessionRequest
      case 470: // ActivateSessionResponse
      case 631: // ReadRequest
      case 634: // ReadResponse
      case UaService.SERVICE_FAULT:
        return true;
      default:
        return false;
    }
  }

  /** One complete message body, starting with its encoding NodeId. */
  void onMessage(PduContext ctx, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    NodeId type = NodeId.read(r);
    if (r.failed()) {
      Emitter.warn(ctx, "message body does not start with an encoding NodeId: " + r.failure());
      return;
    }
    if (type.namespaceIndex() != 0 || type.kind() != NodeId.Kind.NUMERIC) {
      return;
    }
    int id = (int) type.numeric();
    if (!decodes(id)) {
      return;
    }
    if (id == 425 || id == 431) {
      discovery(ctx, id, r);
    } else if (id >= 461 && id <= 470) {
      session(ctx, id, channel, requestId, r);
    } else if (id == 631) {
      readRequest(ctx, channel, requestId, r);
    } else if (id == 634) {
      readResponse(ctx, channel, requestId, r);
    } else {
      serviceFault(ctx, channel, requestId, r);
    }
  }

  private void discovery(PduContext ctx, int id, UaBinaryReader r) {
    if (id == 425) {
      FindServersResponse v = valueOrWarn(ctx, "FindServersResponse", FindServersResponse.read(r));
      if (v != null) {
        servers.findServers(ctx, v);
      }
      return;
    }
    GetEndpointsResponse v = valueOrWarn(ctx, "GetEndpointsResponse", GetEndpointsResponse.read(r));
    if (v != null) {
      servers.endpoints(ctx, "opcua.get-endpoints-response", v.endpoints(), Map.of());
    }
  }

  private void session(
      PduContext ctx, int id, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    if (id == 461) {
      CreateSessionRequest v =
          valueOrWarn(ctx, "CreateSessionRequest", CreateSessionRequest.read(r));
      if (v != null) {
        reporter.createSessionRequest(ctx, v);
      }
    } else if (id == 464) {
      CreateSessionResponse v =
          valueOrWarn(ctx, "CreateSessionResponse", CreateSessionResponse.read(r));
      if (v != null) {
        servers.endpoints(
            ctx, "opcua.create-session-response", v.serverEndpoints(), sessionFields(v));
      }
    } else if (id == 467) {
      ActivateSessionRequest v =
          valueOrWarn(ctx, "ActivateSessionRequest", ActivateSessionRequest.read(r));
      if (v != null) {
        activateRequest(ctx, channel, requestId, v);
      }
    } else {
      activateResponse(ctx, channel, requestId, r);
    }
  }

  /** The decoded value, or {@code null} after a warning naming {@code what} was malformed. */
  static <T> T valueOrWarn(PduContext ctx, String what, Parsed<T> parsed) {
    if (parsed instanceof Parsed.Ok<T> ok) {
      return ok.value();
    }
    Emitter.warn(ctx, what + " malformed: " + ((Parsed.Malformed<T>) parsed).reason());
    return null;
  }

  private static Map<String, Object> sessionFields(CreateSessionResponse v) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("maxRequestMessageSize", v.maxRequestMessageSize());
    f.put("revisedSessionTimeout", v.revisedSessionTimeout());
    return f;
  }

  private void activateRequest(
      PduContext ctx, SecureChannels.Channel channel, long requestId, ActivateSessionRequest v) {
    reporter.activateSession(ctx, v, channel);
    if (v.token() != null) {
      pending.put(channel.id, requestId, new PendingRequests.Activation(v.token()));
    }
  }

  private void activateResponse(
      PduContext ctx, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    PendingRequests.Pending request = pending.take(channel.id, requestId);
    ResponseHeader header = ResponseHeader.read(r);
    if (r.failed()) {
      Emitter.warn(ctx, "ActivateSessionResponse malformed: " + r.failure());
      return;
    }
    if (request instanceof PendingRequests.Activation a
        && a.token().kind() == UserTokenType.ANONYMOUS
        && header.isGood()) {
      reporter.anonymousSessionAccepted(ctx, a.token(), channel);
    }
  }

  private void readRequest(
      PduContext ctx, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    PendingRequests.ServerStatusRead read = ReadRequest.serverStatusNodes(r);
    if (r.failed()) {
      Emitter.warn(ctx, "ReadRequest malformed: " + r.failure());
    } else if (read != null) {
      pending.put(channel.id, requestId, read);
    }
  }

  private void readResponse(
      PduContext ctx, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    if (!(pending.take(channel.id, requestId) instanceof PendingRequests.ServerStatusRead read)) {
      return;
    }
    int decodeUpTo = read.indices().get(read.indices().size() - 1) + 1;
    Parsed<ReadResponse> parsed = ReadResponse.read(r, decodeUpTo);
    if (parsed instanceof Parsed.Malformed<ReadResponse> m) {
      Emitter.warn(ctx, "ReadResponse malformed: " + m.reason());
      return;
    }
    List<DataValue> results = ((Parsed.Ok<ReadResponse>) parsed).value().results();
    List<DataValue> values = new ArrayList<>();
    for (int index : read.indices()) {
      values.add(index < results.size() ? results.get(index) : null);
    }
    List<Long> nodes = new ArrayList<>();
    List<DataValue> present = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        nodes.add(read.nodes().get(i));
        present.add(values.get(i));
      }
    }
    ServerStatusReading reading = ServerStatusReading.of(nodes, present);
    if (!reading.isEmpty()) {
      servers.serverStatus(ctx, reading);
    }
  }

  private void serviceFault(
      PduContext ctx, SecureChannels.Channel channel, long requestId, UaBinaryReader r) {
    PendingRequests.Pending request = pending.take(channel.id, requestId);
    String name =
        request instanceof PendingRequests.Activation
            ? "ActivateSessionRequest"
            : request instanceof PendingRequests.ServerStatusRead ? "ReadRequest" : null;
    ServiceFault fault = valueOrWarn(ctx, "ServiceFault", ServiceFault.read(r));
    if (fault != null) {
      reporter.serviceFault(ctx, fault, name);
    }
  }
}
