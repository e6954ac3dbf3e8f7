package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.decode.TcpFlow;
import io.fieldprint.protocols.decode.TcpSession;
import io.fieldprint.protocols.model.DeviceRef;
import java.nio.ByteBuffer;

/**
 * One OPC UA TCP connection: dispatches each message by its MessageType (Part 6 §7.1.2) to the
 * transport handlers (HEL, ACK, ERR, RHE) or the secure-conversation layer (OPN, MSG, CLO).
 */
final class OpcUaSession implements TcpSession {
  private final TcpFlow flow;
  private final UaLimits limits;
  private final OpcUaReporter reporter;
  private final ServerDescriptionReporter servers;
  private final PendingRequests pending;
  private final SecureConversation conversation;

  OpcUaSession(TcpFlow flow, UaLimits limits) {
    this.flow = flow;
    this.limits = limits;
    Emitter emitter = new Emitter();
    CertificateCache certificates = new CertificateCache();
    this.reporter = new OpcUaReporter(emitter, certificates);
    this.servers = new ServerDescriptionReporter(emitter, certificates);
    this.pending = new PendingRequests(limits.maxPendingRequests());
    this.conversation =
        new SecureConversation(limits, reporter, new ServiceDispatcher(reporter, servers, pending));
  }

  @Override
  public void onPdu(PduContext ctx, ByteBuffer pdu) {
    int start = pdu.position();
    int end = pdu.limit();
    if (end - start < MessageHeader.LENGTH) {
      Emitter.warn(ctx, "message of " + (end - start) + " bytes is shorter than its header");
      return;
    }
    String problem = MessageHeader.problem(pdu, start, limits.maxChunkBytes());
    if (problem != null) {
      Emitter.warn(ctx, "not an OPC UA message: " + problem);
      return;
    }
    long size = MessageHeader.sizeAt(pdu, start);
    if (size != end - start) {
      Emitter.warn(ctx, "MessageSize " + size + " but the message has " + (end - start) + " bytes");
      return;
    }
    int type = MessageHeader.typeAt(pdu, start);
    if (!reporter.presenceReported()) {
      reporter.presence(ctx, server(ctx, type), flow.server().port());
    }
    if (type == MessageHeader.OPN) {
      conversation.onOpen(ctx, pdu, start, end);
    } else if (type == MessageHeader.MSG || type == MessageHeader.CLO) {
      conversation.onMessage(ctx, type, (char) pdu.get(start + 3), pdu, start, end);
    } else {
      transport(ctx, type, UaBinaryReader.of(pdu, start + MessageHeader.LENGTH, end, limits));
    }
  }

  /** The server: the receiver of HEL, the sender of ACK/ERR/RHE, else the flow's server side. */
  private DeviceRef server(PduContext ctx, int type) {
    if (type == MessageHeader.HEL) {
      return ctx.receiver().device();
    }
    if (type == MessageHeader.ACK || type == MessageHeader.ERR || type == MessageHeader.RHE) {
      return ctx.sender().device();
    }
    return flow.server().device();
  }

  private void transport(PduContext ctx, int type, UaBinaryReader r) {
    if (type == MessageHeader.HEL) {
      Parsed<Hello> hello = Hello.read(r);
      if (hello instanceof Parsed.Ok<Hello> ok) {
        servers.helloUrl(ok.value().endpointUrl());
        conversation.helloUrl(ok.value().endpointUrl());
        reporter.hello(ctx, ok.value());
      } else {
        warn(ctx, "HEL", hello);
      }
    } else if (type == MessageHeader.ACK) {
      Parsed<Acknowledge> ack = Acknowledge.read(r);
      if (ack instanceof Parsed.Ok<Acknowledge> ok) {
        reporter.acknowledge(ctx, ok.value());
      } else {
        warn(ctx, "ACK", ack);
      }
    } else if (type == MessageHeader.ERR) {
      Parsed<ErrorMessage> error = ErrorMessage.read(r);
      if (error instanceof Parsed.Ok<ErrorMessage> ok) {
        reporter.error(ctx, ok.value(), "opcua.error");
      } else {
        warn(ctx, "ERR", error);
      }
    } else {
      Parsed<ReverseHello> hello = ReverseHello.read(r);
      if (hello instanceof Parsed.Ok<ReverseHello> ok) {
        reporter.reverseHello(ctx, ok.value());
      } else {
        warn(ctx, "RHE", hello);
      }
    }
  }

  private static void warn(PduContext ctx, String what, Parsed<?> parsed) {
    Emitter.warn(ctx, what + " malformed: " + ((Parsed.Malformed<?>) parsed).reason());
  }

  @Override
  public void onGap(PduContext ctx, long missingBytes) {
    conversation.gap(ctx.fromServer());
    if (ctx.fromServer()) {
      pending.clear();
    }
  }
}
