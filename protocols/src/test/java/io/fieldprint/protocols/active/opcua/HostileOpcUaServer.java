package io.fieldprint.protocols.active.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaResponseMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.ApplicationType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ChannelSecurityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.FindServersRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.FindServersResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.GetEndpointsResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ResponseHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/**
 * A raw-socket OPC UA server that speaks just enough UA binary (Hello/Acknowledge, an unsecured
 * OpenSecureChannel, GetEndpoints, FindServers) to misbehave in one {@link Behaviour}. Message
 * bodies are encoded with Milo's codec; the framing and the misbehaviour are ours. Closing it
 * closes every connection, so a server blocked on writing stops.
 */
final class HostileOpcUaServer implements AutoCloseable {

  enum Behaviour {
    /** Acknowledge whose message size claims 2 GB. */
    ACK_OVER_CLAIMING_LENGTH,
    /** Acknowledge whose message size is shorter than its own header. */
    ACK_UNDER_CLAIMING_LENGTH,
    /** Accepts the connection, reads, never answers. */
    SILENCE,
    /** A correct Acknowledge, one byte per second. */
    SLOW_DRIP,
    /** Half an Acknowledge, then a TCP reset. */
    RESET_MID_MESSAGE,
    /** GetEndpoints answered by intermediate chunks that never end. */
    ENDLESS_CHUNKS,
    /** GetEndpoints answered by a response whose first string is 10 MB long. */
    TEN_MEGABYTE_STRING,
    /** GetEndpoints answered correctly, except that the server certificate is not DER. */
    MALFORMED_CERTIFICATE
  }

  /**
   * A loopback address of its own: the gate's per-device limits are per host, and the healthy
   * device the tests probe alongside listens on 127.0.0.1.
   */
  static final String HOST = "127.0.0.2";

  static final byte[] NOT_A_CERTIFICATE = "not a certificate".getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK = 8192;
  private static final long WRITE_CAP = 64L << 20;
  private static final String NONE = SecurityPolicy.None.getUri();

  private final ServerSocket listener;
  private final Behaviour behaviour;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private volatile int sequence = 1;

  private HostileOpcUaServer(ServerSocket listener, Behaviour behaviour) {
    this.listener = listener;
    this.behaviour = behaviour;
  }

  static HostileOpcUaServer start(Behaviour behaviour) throws IOException {
    HostileOpcUaServer server =
        new HostileOpcUaServer(new ServerSocket(0, 10, InetAddress.getByName(HOST)), behaviour);
    Thread t = new Thread(server::acceptLoop, "hostile-opcua-" + behaviour);
    t.setDaemon(true);
    t.start();
    return server;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Bytes this server managed to write before the client stopped reading or closed. */
  long bytesWritten() {
    return written.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-opcua-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        byte[] header = new byte[8];
        in.readFully(header);
        int size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 8 || size > (1 << 20)) {
          return;
        }
        byte[] body = new byte[size - 8];
        in.readFully(body);
        String type = new String(header, 0, 3, StandardCharsets.US_ASCII);
        switch (type) {
          case "HEL" -> hello(s, in, out);
          case "OPN" -> openSecureChannel(out, body);
          case "MSG" -> message(out, body);
          default -> {
            return;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client gave up or closed: that is what the tests want
    }
  }

  private void hello(Socket s, InputStream in, OutputStream out) throws IOException {
    byte[] ack = acknowledge(28);
    switch (behaviour) {
      case ACK_OVER_CLAIMING_LENGTH -> write(out, acknowledge(0x7FFFFFF0));
      case ACK_UNDER_CLAIMING_LENGTH -> write(out, acknowledge(4));
      case SILENCE -> in.transferTo(OutputStream.nullOutputStream());
      case SLOW_DRIP -> drip(out, ack);
      case RESET_MID_MESSAGE -> {
        write(out, java.util.Arrays.copyOf(ack, 14));
        s.setSoLinger(true, 0);
        s.close();
      }
      default -> write(out, ack);
    }
  }

  private static byte[] acknowledge(int claimedSize) {
    ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
    b.put("ACKF".getBytes(StandardCharsets.US_ASCII)).putInt(claimedSize);
    b.putInt(0).putInt(65535).putInt(65535).putInt(0).putInt(0);
    return b.array();
  }

  private void drip(OutputStream out, byte[] bytes) throws IOException {
    for (byte b : bytes) {
      write(out, new byte[] {b});
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void openSecureChannel(OutputStream out, byte[] body) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    b.getInt(); // secure channel id
    for (int i = 0; i < 3; i++) { // policy URI, sender certificate, receiver thumbprint
      int n = b.getInt();
      b.position(b.position() + Math.max(0, n));
    }
    b.getInt(); // sequence number
    int requestId = b.getInt();
    UaRequestMessageType request = decode(body, b.position());
    var response =
        new OpenSecureChannelResponse(
            header(request),
            uint(0),
            new ChannelSecurityToken(uint(1), uint(1), DateTime.now(), uint(3_600_000)),
            ByteString.NULL_VALUE);
    ByteBuf frame = Unpooled.buffer().order(ByteOrder.LITTLE_ENDIAN);
    frame.writeIntLE(1);
    byte[] uri = NONE.getBytes(StandardCharsets.US_ASCII);
    frame.writeIntLE(uri.length).writeBytes(uri).writeIntLE(-1).writeIntLE(-1);
    frame.writeIntLE(sequence++).writeIntLE(requestId);
    frame.writeBytes(encode(response));
    write(out, chunk("OPN", 'F', ByteBufUtil.getBytes(frame)));
  }

  private void message(OutputStream out, byte[] body) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    b.getInt(); // secure channel id
    b.getInt(); // token id
    b.getInt(); // sequence number
    int requestId = b.getInt();
    UaRequestMessageType request = decode(body, 16);
    if (request instanceof FindServersRequest) {
      reply(out, requestId, 'F', encode(new FindServersResponse(header(request), null)));
      return;
    }
    switch (behaviour) {
      case ENDLESS_CHUNKS -> {
        while (written.get() < WRITE_CAP) {
          reply(out, requestId, 'C', new byte[CHUNK]);
        }
      }
      case TEN_MEGABYTE_STRING -> tenMegabyteString(out, requestId, request);
      default -> reply(out, requestId, 'F', encode(endpoints(request)));
    }
  }

  /** GetEndpointsResponse with one endpoint whose URL string claims and carries 10 MB. */
  private void tenMegabyteString(OutputStream out, int requestId, UaRequestMessageType request)
      throws IOException {
    byte[] start = encode(new GetEndpointsResponse(header(request), null));
    int length = 10_000_000;
    ByteBuf first = Unpooled.buffer();
    first.writeBytes(start, 0, start.length - 4); // drop the null array length
    first.writeIntLE(1).writeIntLE(length);
    reply(out, requestId, 'C', ByteBufUtil.getBytes(first));
    byte[] text = new byte[CHUNK];
    java.util.Arrays.fill(text, (byte) 'A');
    for (int sent = 0; sent < length && written.get() < WRITE_CAP; sent += CHUNK) {
      reply(out, requestId, 'C', text);
    }
  }

  private static GetEndpointsResponse endpoints(UaRequestMessageType request) {
    var server =
        new ApplicationDescription(
            "urn:hostile:server",
            "urn:hostile:product",
            LocalizedText.english("Hostile"),
            ApplicationType.Server,
            null,
            null,
            null);
    var userName = new UserTokenPolicy("user", UserTokenType.UserName, null, null, NONE);
    var endpoint =
        new EndpointDescription(
            "opc.tcp://127.0.0.1/hostile",
            server,
            ByteString.of(NOT_A_CERTIFICATE),
            MessageSecurityMode.None,
            NONE,
            new UserTokenPolicy[] {userName},
            "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary",
            ubyte(0));
    return new GetEndpointsResponse(header(request), new EndpointDescription[] {endpoint});
  }

  private void reply(OutputStream out, int requestId, char chunkType, byte[] message)
      throws IOException {
    ByteBuf frame = Unpooled.buffer();
    frame.writeIntLE(1).writeIntLE(1).writeIntLE(sequence++).writeIntLE(requestId);
    frame.writeBytes(message);
    write(out, chunk("MSG", chunkType, ByteBufUtil.getBytes(frame)));
  }

  private static byte[] chunk(String type, char chunkType, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(type.getBytes(StandardCharsets.US_ASCII)).put((byte) chunkType);
    b.putInt(8 + body.length).put(body);
    return b.array();
  }

  private void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    written.addAndGet(bytes.length);
  }

  private static ResponseHeader header(UaRequestMessageType request) {
    return new ResponseHeader(
        DateTime.now(),
        request.getRequestHeader().getRequestHandle(),
        StatusCode.GOOD,
        null,
        null,
        null);
  }

  private static UaRequestMessageType decode(byte[] body, int offset) {
    ByteBuf buf = Unpooled.wrappedBuffer(body, offset, body.length - offset);
    return (UaRequestMessageType)
        new OpcUaBinaryDecoder(DefaultEncodingContext.INSTANCE).setBuffer(buf).decodeMessage(null);
  }

  private static byte[] encode(UaResponseMessageType response) {
    ByteBuf buf = Unpooled.buffer();
    new OpcUaBinaryEncoder(DefaultEncodingContext.INSTANCE)
        .setBuffer(buf)
        .encodeMessage(null, response);
    return ByteBufUtil.getBytes(buf);
  }
}
