package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.model.DeviceRef;
import java.nio.ByteBuffer;

/**
 * The UA Secure Conversation layer of one connection (Part 6 §6.7): OPN chunks (asymmetric security
 * header, never encrypted), MSG and CLO chunks (symmetric header: SecureChannelId, TokenId; then
 * the sequence header and body). Tracks each channel's policy; strips the signature on Sign
 * channels; leaves SignAndEncrypt bodies alone; reassembles chunked messages.
 */
final class SecureConversation {
  /** Header (8) + SecureChannelId (4) + TokenId (4). */
  private static final int SYMMETRIC_HEADER = MessageHeader.LENGTH + 8;

  /** Unrecognisable chunks on a channel without OPN before it is taken as encrypted. */
  private static final int UNKNOWN_CHUNKS_BEFORE_ENCRYPTED = 4;

  private final UaLimits limits;
  private final SecureChannels channels = new SecureChannels();
  private final ChunkAssembler assembler;
  private final OpcUaReporter reporter;
  private final ServiceDispatcher services;
  private String helloUrl;

  SecureConversation(UaLimits limits, OpcUaReporter reporter, ServiceDispatcher services) {
    this.limits = limits;
    this.assembler = new ChunkAssembler(limits);
    this.reporter = reporter;
    this.services = services;
  }

  void helloUrl(String url) {
    helloUrl = url;
  }

  /** One OPN chunk {@code [start, end)}. */
  void onOpen(PduContext ctx, ByteBuffer pdu, int start, int end) {
    UaBinaryReader r = UaBinaryReader.of(pdu, start + MessageHeader.LENGTH, end, limits);
    long channelId = r.readUInt32();
    AsymmetricSecurityHeader header = AsymmetricSecurityHeader.read(r);
    if (r.failed()) {
      Emitter.warn(ctx, "OPN security header malformed: " + r.failure());
      return;
    }
    if (!SecurityPolicy.isNone(header.securityPolicyUri())) {
      if (r.remaining() < SequenceHeader.LENGTH) {
        Emitter.warn(ctx, "OPN chunk ends before its (encrypted) sequence header");
        return;
      }
      if (ctx.fromServer()) {
        SecureChannels.Channel channel = channels.opened(channelId, header.securityPolicyUri());
        reporter.openResponse(ctx, channel, header, null, helloUrl);
      } else {
        reporter.openRequest(ctx, header, null);
      }
      return;
    }
    SequenceHeader.read(r);
    int type = (int) NodeId.read(r).numeric();
    if (type == UaService.OPEN_SECURE_CHANNEL.requestId()) {
      Parsed<OpenSecureChannelRequest> body = OpenSecureChannelRequest.read(r);
      reporter.openRequest(
          ctx, header, ServiceDispatcher.valueOrWarn(ctx, "OpenSecureChannelRequest", body));
    } else if (type == UaService.OPEN_SECURE_CHANNEL.responseId()) {
      Parsed<OpenSecureChannelResponse> body = OpenSecureChannelResponse.read(r);
      SecureChannels.Channel channel = channels.opened(channelId, header.securityPolicyUri());
      OpenSecureChannelResponse response =
          ServiceDispatcher.valueOrWarn(ctx, "OpenSecureChannelResponse", body);
      reporter.openResponse(ctx, channel, header, response, helloUrl);
      reporter.channelProtection(ctx, channel, ctx.sender().device());
    } else if (type != UaService.SERVICE_FAULT) {
      Emitter.warn(ctx, "OPN body is " + UaService.nameOf(type) + ", not OpenSecureChannel");
    }
  }

  /**
   * One MSG or CLO chunk {@code [start, end)} of {@code messageType} and {@code chunkType}. Reads
   * the headers in place: chunks of services nobody decodes cost no allocation.
   */
  void onMessage(
      PduContext ctx, int messageType, char chunkType, ByteBuffer pdu, int start, int end) {
    long channelId = MessageHeader.uint32At(pdu, start + MessageHeader.LENGTH);
    SecureChannels.Channel channel = channels.get(channelId);
    if (channel == null) {
      channel = channels.adopt(channelId);
    }
    int bodyStart = start + SYMMETRIC_HEADER + SequenceHeader.LENGTH;
    if (!readable(ctx, channel, chunkType, pdu, bodyStart, end)) {
      return;
    }
    int bodyEnd = end - channel.signatureLength();
    if (bodyEnd < bodyStart) {
      Emitter.warn(ctx, "MSG chunk too short for its security headers and signature");
      return;
    }
    if (messageType == MessageHeader.CLO) {
      return;
    }
    long sequence = MessageHeader.uint32At(pdu, start + SYMMETRIC_HEADER);
    long requestId = MessageHeader.uint32At(pdu, start + SYMMETRIC_HEADER + 4);
    chunk(ctx, chunkType, channel, sequence, requestId, pdu, bodyStart, bodyEnd);
  }

  /**
   * Whether the chunk's body can be read: decides a secured channel's mode on its first chunk
   * (plaintext service id: Sign; otherwise SignAndEncrypt) and recognises plaintext on channels
   * whose OPN was not captured.
   */
  private boolean readable(
      PduContext ctx,
      SecureChannels.Channel channel,
      char chunkType,
      ByteBuffer pdu,
      int bodyStart,
      int end) {
    switch (channel.protection) {
      case NONE:
      case SIGN:
      case UNKNOWN_PLAINTEXT:
        return true;
      case SIGN_AND_ENCRYPT:
        return false;
      case UNDETERMINED:
        channel.protection =
            plaintext(pdu, bodyStart, end)
                ? SecureChannels.Protection.SIGN
                : SecureChannels.Protection.SIGN_AND_ENCRYPT;
        reporter.channelProtection(ctx, channel, serverOf(ctx));
        if (channel.protection == SecureChannels.Protection.SIGN
            && channel.signatureLength() == 0) {
          Emitter.warn(
              ctx,
              "signed channel with unknown policy " + channel.policyUri + ": bodies not decoded");
          channel.protection = SecureChannels.Protection.SIGN_AND_ENCRYPT;
        }
        return channel.protection == SecureChannels.Protection.SIGN;
      default:
        return unknownChannel(ctx, channel, chunkType, pdu, bodyStart, end);
    }
  }

  private boolean unknownChannel(
      PduContext ctx,
      SecureChannels.Channel channel,
      char chunkType,
      ByteBuffer pdu,
      int bodyStart,
      int end) {
    if (plaintext(pdu, bodyStart, end)) {
      channel.protection = SecureChannels.Protection.UNKNOWN_PLAINTEXT;
      return true;
    }
    if (++channel.unrecognisedChunks >= UNKNOWN_CHUNKS_BEFORE_ENCRYPTED && chunkType == 'F') {
      channel.protection = SecureChannels.Protection.SIGN_AND_ENCRYPT;
      reporter.channelProtection(ctx, channel, serverOf(ctx));
    }
    return false;
  }

  /** The server as the flow names it (used only when the message itself cannot tell). */
  private static DeviceRef serverOf(PduContext ctx) {
    return ctx.flow().server().device();
  }

  /** Whether a body at {@code bodyStart} begins with the encoding id of a known service. */
  private static boolean plaintext(ByteBuffer pdu, int bodyStart, int end) {
    int id = UaService.peekEncodingId(pdu, bodyStart, end);
    return id >= 0 && UaService.isKnown(id);
  }

  private void chunk(
      PduContext ctx,
      char chunkType,
      SecureChannels.Channel channel,
      long sequence,
      long requestId,
      ByteBuffer pdu,
      int from,
      int to) {
    boolean server = ctx.fromServer();
    if (chunkType == 'A') {
      assembler.abort(server, channel.id, requestId);
      return;
    }
    boolean last = chunkType == 'F';
    if (last && !assembler.inProgress(server, channel.id, requestId)) {
      int encodingId = UaService.peekEncodingId(pdu, from, to);
      if (encodingId < 0 || ServiceDispatcher.decodes(encodingId)) {
        services.onMessage(ctx, channel, requestId, UaBinaryReader.of(pdu, from, to, limits));
      }
      return;
    }
    ChunkAssembler.Result result =
        assembler.offer(
            server,
            channel.id,
            requestId,
            sequence,
            last,
            pdu,
            from,
            to,
            ServiceDispatcher::decodes,
            message -> Emitter.warn(ctx, message));
    assembled(ctx, channel, requestId, result);
  }

  private void assembled(
      PduContext ctx,
      SecureChannels.Channel channel,
      long requestId,
      ChunkAssembler.Result result) {
    if (result instanceof ChunkAssembler.Complete complete) {
      byte[] body = complete.body();
      services.onMessage(
          ctx,
          channel,
          requestId,
          UaBinaryReader.of(ByteBuffer.wrap(body), 0, body.length, limits));
    } else if (result instanceof ChunkAssembler.Failed failed) {
      Emitter.warn(ctx, failed.reason());
    }
  }

  /** Bytes of one direction were lost. */
  void gap(boolean fromServer) {
    assembler.clear(fromServer);
  }
}
